package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Envelopes.envelope;
import static dev.pegasus.http.testing.HttpCalls.get;

import dev.pegasus.http.core.fixture.TestEndpointsProvider;
import dev.pegasus.http.core.testing.ProviderJars;
import dev.pegasus.http.testing.TestResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-of and list parameters, and required reads without Optional, over real sockets. */
final class ParameterKindsTest {

  @TempDir static Path jars;
  static PegasusHttpServer server;

  @BeforeAll
  static void start() {
    Path jar = ProviderJars.write(jars, "test-endpoints.jar", TestEndpointsProvider.class);
    server =
        PegasusHttpServer.builder()
            .port(0)
            .service(TestEndpointsProvider.Probe.class, new TestEndpointsProvider.Probe())
            .configure(c -> c.accessLog(false))
            .providerClassLoader(ProviderJars.loaderWith(jar))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void assertBadRequest(String target, String message) {
    TestResponse r = get(server, target);
    assertThat(r.body()).isEqualTo(envelope(400, "Bad Request", message, target.replaceAll("\\?.*", "")));
    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void oneOfAcceptsEachOfItsValues() {
    assertThat(get(server, "/test/kinds?format=legacy").body()).isEqualTo("format=legacy types=-\n");
    assertThat(get(server, "/test/kinds?format=proto").body()).isEqualTo("format=proto types=-\n");
    assertThat(get(server, "/test/kinds").body()).isEqualTo("format=- types=-\n");
  }

  @Test
  void oneOfWithAnotherValueIs400NamingTheParameterAndListingTheValues() {
    String expected = "invalid value for \"format\": \"%s\"; expected one of legacy, proto";
    assertBadRequest("/test/kinds?format=svg", String.format(expected, "svg"));
    assertBadRequest("/test/kinds?format=PROTO", String.format(expected, "PROTO"));
    assertBadRequest("/test/kinds?format=", String.format(expected, ""));
  }

  @Test
  void aListIsSplitOnCommasTrimmedAndWithoutEmptyItems() {
    assertThat(get(server, "/test/kinds?types=replica,table").body())
        .isEqualTo("format=- types=[replica, table]\n");
    assertThat(get(server, "/test/kinds?types=%20replica%09,,table%20,").body())
        .isEqualTo("format=- types=[replica, table]\n");
    assertThat(get(server, "/test/kinds?types=one").body()).isEqualTo("format=- types=[one]\n");
  }

  @Test
  void anEmptyListValueIsAnEmptyList() {
    assertThat(get(server, "/test/kinds?types=").body()).isEqualTo("format=- types=[]\n");
    assertThat(get(server, "/test/kinds?types=,%20,").body()).isEqualTo("format=- types=[]\n");
  }

  @Test
  void aRepeatedListIs400() {
    TestResponse r = get(server, "/test/kinds?types=a&types=b");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("duplicate parameter: types");
  }

  @Test
  void requiredParametersAreReadWithoutOptional() {
    assertThat(get(server, "/test/required?mode=slow&ids=1,2&n=3").body()).isEqualTo("slow [1, 2] 3\n");
  }

  @Test
  void aMissingOrEmptyRequiredListIs400() {
    assertBadRequest("/test/required?mode=fast&n=1", "missing required parameter \"ids\"");
    assertBadRequest("/test/required?mode=fast&ids=&n=1", "missing required parameter \"ids\"");
    assertBadRequest("/test/required?mode=fast&ids=,,&n=1", "missing required parameter \"ids\"");
  }

  @Test
  void aRequiredOneOfIsCheckedLikeAnOptionalOne() {
    assertBadRequest("/test/required?ids=1&n=1", "missing required parameter \"mode\"");
    assertBadRequest(
        "/test/required?mode=medium&ids=1&n=1",
        "invalid value for \"mode\": \"medium\"; expected one of fast, slow");
  }

  @Test
  void aLongBadValueIsQuotedBounded() {
    String value = "x".repeat(300);
    TestResponse r = get(server, "/test/kinds?format=" + value);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("x".repeat(256) + "...(44 more characters)");
    assertThat(r.body()).doesNotContain("x".repeat(257));
  }

  @Test
  void theHelpPageShowsTheValuesOfAOneOfAndTheShapeOfAList() {
    String help = get(server, "/").body();
    assertThat(help)
        .contains("\"/test/kinds\":\"[format=<legacy|proto>][&types=<type,...>]. Echoes a one-of and a list.\"");
    assertThat(help)
        .contains(
            "\"/test/required\":\"mode=<fast|slow>&ids=<id,...>&n=<n>. Reads required parameters"
                + " without Optional.\"");
  }
}
