package dev.pegasus.http.testing;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpMethod;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;

/** Endpoints that exercise each rule the framework applies before and around a handler. */
final class KitEndpoints {

  private KitEndpoints() {}

  /** The JSON body of {@code /kit/compact}. */
  record Compaction(String target, int level) {}

  /** {@code /kit/table?name=<app_name>[&detail][&limit=<n>]}: 404 for a name other than temp. */
  static HttpEndpoint table() {
    return TestEndpoints.of(
        EndpointSpec.builder("/kit/table")
            .summary("One table.")
            .parameter(Parameter.string("name", "app_name").required())
            .parameter(Parameter.flag("detail"))
            .parameter(Parameter.integer("limit", "n", 1, 100))
            .build(),
        request -> {
          String name = request.requiredString("name");
          if (!name.equals("temp")) {
            throw EndpointException.notFound("table not found: \"" + name + "\"");
          }
          return HttpResponse.json(
              "{\"app_name\":\"" + name + "\",\"detail\":" + request.flag("detail")
                  + ",\"limit\":" + request.integer("limit").orElse(10) + ",\"partitions\":[4,8]}\n")
              .withHeader("X-Kit", "table");
        });
  }

  /** {@code /kit/get_only}: GET and HEAD only. */
  static HttpEndpoint getOnly() {
    return TestEndpoints.of(
        EndpointSpec.builder("/kit/get_only").summary("GET only.").methods(HttpMethod.GET, HttpMethod.HEAD).build(),
        request -> HttpResponse.text("got\n"));
  }

  /** {@code /kit/secret}: sensitive. */
  static HttpEndpoint secret() {
    return TestEndpoints.of(
        EndpointSpec.builder("/kit/secret").summary("Sensitive.").sensitive().build(),
        request -> HttpResponse.text("secret\n"));
  }

  /** {@code POST /kit/compact} with a {@link Compaction} body: a write operation. */
  static HttpEndpoint compact() {
    return TestEndpoints.of(
        EndpointSpec.builder("/kit/compact")
            .summary("Compacts a table.")
            .changesState()
            .jsonBody(Compaction.class)
            .build(),
        request -> {
          Compaction c = request.jsonBody(Compaction.class);
          return HttpResponse.json("{\"target\":\"" + c.target() + "\",\"level\":" + c.level() + "}");
        });
  }

  /** {@code /kit/fail}: a bug in the handler, a 500. */
  static HttpEndpoint fail() {
    return TestEndpoints.of(
        EndpointSpec.builder("/kit/fail").summary("Fails.").build(),
        request -> {
          throw new IllegalStateException("a bug");
        });
  }
}
