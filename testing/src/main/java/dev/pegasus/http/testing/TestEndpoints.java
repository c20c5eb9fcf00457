package dev.pegasus.http.testing;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;

/**
 * Endpoints from a spec and a lambda, for tests of filters, providers and the framework itself.
 *
 * <pre>{@code
 * PegasusServerExtension.perClass(b -> b.endpoint(TestEndpoints.of(
 *     EndpointSpec.builder("/x").summary("A stub.").build(),
 *     request -> HttpResponse.text("x\n"))));
 * }</pre>
 */
public final class TestEndpoints {

  private TestEndpoints() {}

  /** What the endpoint does with a request; {@link HttpEndpoint#handle} as a lambda. */
  @FunctionalInterface
  public interface Handler {
    /** Serves one request, as {@link HttpEndpoint#handle} does. */
    HttpResponse handle(HttpRequest request) throws EndpointException;
  }

  /** An endpoint serving {@code spec} with {@code handler}. */
  public static HttpEndpoint of(EndpointSpec spec, Handler handler) {
    return new HttpEndpoint() {
      @Override
      public EndpointSpec spec() {
        return spec;
      }

      @Override
      public HttpResponse handle(HttpRequest request) throws EndpointException {
        return handler.handle(request);
      }

      @Override
      public String toString() {
        return "TestEndpoints.of(" + spec.path() + ")";
      }
    };
  }
}
