package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;

import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code HttpRequest.parameterValues()}: every decoded parameter in the client's order, the
 * undeclared ones too when the spec ignores them (what {@code /metrics} parses itself).
 */
final class ParameterValuesTest {

  private static EndpointSpec.Builder spec(String path) {
    return EndpointSpec.builder(path).summary("echo").parameter(Parameter.integer("n", "<n>", 0, 9));
  }

  @RegisterExtension
  static final PegasusServerExtension server =
      PegasusServerExtension.perClass(
          b -> b.endpoint(TestEndpoints.of(spec("/echo/lenient").ignoresUndeclaredParameters().build(),
                  r -> HttpResponse.text(r.parameterValues().toString())))
              .endpoint(TestEndpoints.of(spec("/echo/strict").build(),
                  r -> HttpResponse.text(r.parameterValues().toString()))));

  @Test
  void undeclaredParametersAreKeptInOrderWhenTheSpecIgnoresThem() {
    assertThat(server.get("/echo/lenient?z=1&n=3&a=%2C&flag").body()).isEqualTo("{z=1, n=3, a=,, flag=}");
    assertThat(server.get("/echo/lenient").body()).isEqualTo("{}");
  }

  @Test
  void declaredParametersAreStillCheckedFirst() {
    assertThat(server.get("/echo/lenient?z=1&n=x").status()).isEqualTo(400);
  }

  @Test
  void aStrictSpecSeesOnlyItsOwn() {
    assertThat(server.get("/echo/strict?n=3").body()).isEqualTo("{n=3}");
    assertThat(server.get("/echo/strict?n=3&z=1").status()).isEqualTo(400);
  }
}
