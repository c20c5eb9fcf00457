package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static dev.pegasus.http.testing.HttpCalls.send;

import dev.pegasus.http.core.spi.Contribution;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpFilter;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.ScopedFilter;
import dev.pegasus.http.testing.TestResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Filters from providers and from the builder, their scopes and their order, over real sockets. */
final class FilterChainTest {

  static final List<String> trace = new CopyOnWriteArrayList<>();

  static HttpEndpoint endpoint(String path) {
    EndpointSpec spec = EndpointSpec.builder(path).summary("Test.").build();
    return new HttpEndpoint() {
      @Override
      public EndpointSpec spec() {
        return spec;
      }

      @Override
      public HttpResponse handle(dev.pegasus.http.core.spi.HttpRequest request) {
        trace.add("endpoint " + request.path());
        return HttpResponse.text("ok\n");
      }
    };
  }

  static HttpFilter tracing(String name) {
    return (request, spec, next) -> {
      trace.add(name + " in");
      HttpResponse response = next.proceed(request);
      trace.add(name + " out");
      return response.withHeader("X-Filter-" + name, "yes");
    };
  }

  /** A provider that contributes an endpoint and two filters, one scoped to /a/*. */
  static final class TracingProvider implements EndpointProvider {
    @Override
    public Contribution contribute(dev.pegasus.http.core.spi.EndpointContext context) {
      return Contribution.builder()
          .endpoint(endpoint("/a/x"))
          .endpoint(endpoint("/b/y"))
          .filter(ScopedFilter.of("p1", tracing("p1")))
          .filter(ScopedFilter.of("p2", tracing("p2"), "/a/*"))
          .build();
    }
  }

  @Test
  void providerFiltersRunBeforeBuilderFiltersInTheDocumentedOrder() {
    try (PegasusHttpServer server =
        PegasusHttpServer.builder()
            .provider(new TracingProvider())
            .filter("b1", tracing("b1"))
            .build()
            .start()) {
      trace.clear();
      TestResponse r = get(server, "/a/x");
      assertThat(r.status()).isEqualTo(200);
      assertThat(trace)
          .containsExactly("p1 in", "p2 in", "b1 in", "endpoint /a/x", "b1 out", "p2 out", "p1 out")
          .inOrder();
      assertThat(r.header("X-Filter-p2")).hasValue("yes");

      trace.clear();
      assertThat(get(server, "/b/y").header("X-Filter-p2")).isEmpty(); // out of p2's scope
      assertThat(trace).containsExactly("p1 in", "b1 in", "endpoint /b/y", "b1 out", "p1 out").inOrder();
    }
  }

  @Test
  void aFilterCanAnswerItselfAndItsErrorsUseTheEnvelope() {
    HttpFilter deny =
        (request, spec, next) -> {
          if (request.header("X-Let-Me").isEmpty()) {
            throw new EndpointException(403, "no X-Let-Me header on " + spec.path());
          }
          return next.proceed(request);
        };
    try (PegasusHttpServer server =
        PegasusHttpServer.builder().endpoint(endpoint("/c")).filter("deny", deny, "/c").build().start()) {
      TestResponse refused = get(server, "/c");
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.body())
          .isEqualTo("{\"status\":403,\"error\":\"Forbidden\",\"message\":\"no X-Let-Me header on /c\",\"path\":\"/c\"}\n");
      assertThat(send("GET", server.url() + "/c", null, "X-Let-Me", "1").status()).isEqualTo(200);
      assertThat(get(server, "/version").status()).isEqualTo(200); // not in its scope
    }
  }
}
