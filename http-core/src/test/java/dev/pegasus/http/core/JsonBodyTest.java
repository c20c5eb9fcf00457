package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Envelopes.envelope;
import static dev.pegasus.http.testing.HttpCalls.send;

import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpMethod;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Strict JSON request bodies, decoded into records before the handler runs. */
final class JsonBodyTest {

  record Compaction(String target, int level, boolean bottommost) {}

  static PegasusHttpServer server;

  static HttpEndpoint endpoint(EndpointSpec spec) {
    return new HttpEndpoint() {
      @Override
      public EndpointSpec spec() {
        return spec;
      }

      @Override
      public HttpResponse handle(HttpRequest request) {
        Compaction c = request.jsonBody(Compaction.class);
        return HttpResponse.text(c.target() + "/" + c.level() + "/" + c.bottommost() + "\n");
      }
    };
  }

  @BeforeAll
  static void start() {
    server =
        PegasusHttpServer.builder()
            .endpoint(endpoint(EndpointSpec.builder("/test/json").summary("JSON body.")
                .methods(HttpMethod.POST).jsonBody(Compaction.class).build()))
            .endpoint(endpoint(EndpointSpec.builder("/test/pegasus").summary("Pegasus words.")
                .methods(HttpMethod.POST)
                .jsonBody(Compaction.class, problem -> "invalid request structure")
                .build()))
            .configure(c -> c.maxBodyBytes(256))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TestResponse post(String body) {
    return send("POST", server.url() + "/test/json", body, "Content-Type", "application/json");
  }

  private static void assertRefused(String body, String message) {
    TestResponse r = post(body);
    assertThat(r.body()).isEqualTo(envelope(400, "Bad Request", message, "/test/json"));
    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void aWellFormedBodyReachesTheHandlerAsARecord() {
    TestResponse r = post("{\"target\":\"temp\",\"level\":2,\"bottommost\":true}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("temp/2/true\n");
  }

  @Test
  void everyStrictRuleIsA400ThatNamesTheFieldAndTheProblem() {
    assertRefused(
        "{\"target\":\"t\",\"level\":1,\"bottommost\":true,\"extra\":1}",
        "invalid JSON body: field \"/extra\": unknown field; known fields: bottommost, level, target");
    assertRefused(
        "{\"target\":\"t\",\"level\":\"0\",\"bottommost\":true}",
        "invalid JSON body: field \"/level\": expected an integer, got the string \"0\"");
    assertRefused(
        "{\"target\":\"t\",\"level\":1.0,\"bottommost\":true}",
        "invalid JSON body: field \"/level\": expected an integer, got the number 1.0");
    assertRefused(
        "{\"target\":\"t\",\"bottommost\":true}", "invalid JSON body: field \"/level\": missing");
    assertRefused(
        "{\"target\":7,\"level\":1,\"bottommost\":true}",
        "invalid JSON body: field \"/target\": expected a string, got the number 7");
    assertRefused(
        "{\"target\":\"t\",\"level\":null,\"bottommost\":true}",
        "invalid JSON body: field \"/level\": null is not allowed");
    assertRefused("", "invalid JSON body: the body is empty; a JSON object is expected");
    assertRefused(
        "{\"target\":\"t\",\"level\":1,\"bottommost\":true} {}",
        "invalid JSON body: trailing data after the JSON value");
    assertRefused(
        "{\"target\":\"t\",\"target\":\"u\",\"level\":1,\"bottommost\":true}",
        "invalid JSON body: field \"/target\": given twice");
    assertThat(post("{not json").status()).isEqualTo(400);
    assertThat(post("[1,2]").status()).isEqualTo(400);
  }

  @Test
  void aBodyOverTheLimitIs413() {
    assertThat(post("{\"target\":\"" + "x".repeat(300) + "\",\"level\":1,\"bottommost\":true}").status())
        .isEqualTo(413);
  }

  @Test
  void anEndpointMayWordTheErrorItself() {
    TestResponse r = send("POST", server.url() + "/test/pegasus", "{\"level\":\"0\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("\"message\":\"invalid request structure\"");
  }
}
