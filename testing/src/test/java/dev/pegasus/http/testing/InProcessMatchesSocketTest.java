package dev.pegasus.http.testing;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.ResponseSubject.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same request in process and over the socket gets the same response: status, headers (but
 * Connection and Date) and body, for happy paths and every rule the framework applies.
 */
final class InProcessMatchesSocketTest {

  static final String TOKEN = "kit-admin-token-0123456789";

  /** Loopback is not trusted, so that sensitive endpoints need the token from a test too. */
  @RegisterExtension
  static final PegasusServerExtension server =
      PegasusServerExtension.perClass(
          b -> b.role("kit")
              .version("1.2.3", "abc123")
              .endpoint(KitEndpoints.table())
              .endpoint(KitEndpoints.getOnly())
              .endpoint(KitEndpoints.secret())
              .endpoint(KitEndpoints.compact())
              .endpoint(KitEndpoints.fail())
              .filter("stamp", (request, spec, next) -> next.proceed(request).withHeader("X-Stamp", "1"), "/kit/*")
              .configure(c -> c.adminToken(TOKEN).trustLoopback(false).maxBodyBytes(256).accessLog(false)));

  /** No token configured: sensitive endpoints are 403 to everyone. */
  @RegisterExtension
  static final PegasusServerExtension closed =
      PegasusServerExtension.perClass(
          b -> b.role("kit").endpoint(KitEndpoints.secret()).configure(c -> c.trustLoopback(false).accessLog(false)));

  static Stream<Arguments> requests() {
    String bearer = "Bearer " + TOKEN;
    return Stream.of(
        // happy paths
        of(200, TestRequest.get("/kit/table?name=temp")),
        of(200, TestRequest.get("/kit/table?name=temp&detail&limit=3")),
        of(200, TestRequest.get("//kit///table/?name=temp")),
        of(200, TestRequest.of("HEAD /kit/table?name=temp")),
        of(200, TestRequest.of("POST /kit/table?name=temp").body("ignored")),
        of(200, TestRequest.get("/")),
        of(200, TestRequest.get("/").header("Accept", "text/html")),
        of(200, TestRequest.get("/version")),
        of(200, TestRequest.get("/perfCounters?prefix=kit")),
        of(200, TestRequest.get("/kit/secret").header("Authorization", bearer)),
        of(200, TestRequest.post("/kit/compact", "{\"target\":\"temp\",\"level\":2}").header("Authorization", bearer)),
        // routing and methods
        of(404, TestRequest.get("/kit/nope")),
        of(404, TestRequest.get("/kit/table?name=x")),
        of(405, TestRequest.of("DELETE /kit/table?name=temp")),
        of(405, TestRequest.of("POST /kit/get_only")),
        of(405, TestRequest.get("/kit/compact").header("Authorization", bearer)),
        // parameters
        of(400, TestRequest.get("/kit/table?name=temp&bogus")),
        of(400, TestRequest.get("/kit/table?name=temp&name=temp")),
        of(400, TestRequest.get("/kit/table")),
        of(400, TestRequest.get("/kit/table?name=temp&limit=x")),
        of(400, TestRequest.get("/kit/table?name=temp&limit=1000")),
        of(400, TestRequest.get("/kit/table?name=temp&detail=maybe")),
        // access policy
        of(401, TestRequest.get("/kit/secret")),
        of(401, TestRequest.get("/kit/secret").header("Authorization", "Bearer wrong-token-0123456789")),
        of(400, TestRequest.get("/kit/secret").header("Authorization", bearer).header("Authorization", bearer)),
        // write operations
        of(401, TestRequest.post("/kit/compact", "{\"target\":\"temp\",\"level\":2}")),
        of(403, TestRequest.post("/kit/compact", "{\"target\":\"temp\",\"level\":2}")
            .header("Authorization", bearer).header("Origin", "http://evil.example")),
        of(403, TestRequest.post("/kit/compact", "{\"target\":\"temp\",\"level\":2}")
            .header("Authorization", bearer).header("Sec-Fetch-Site", "cross-site")),
        // JSON bodies
        of(400, TestRequest.of("POST /kit/compact").header("Authorization", bearer)),
        of(400, TestRequest.post("/kit/compact", "{\"target\":\"temp\"}").header("Authorization", bearer)),
        of(400, TestRequest.post("/kit/compact", "{\"target\":\"temp\",\"level\":2,\"x\":1}").header("Authorization", bearer)),
        of(400, TestRequest.post("/kit/compact", "{\"target\":\"temp\",\"level\":\"2\"}").header("Authorization", bearer)),
        of(400, TestRequest.post("/kit/compact", "{\"target\":\"temp\",\"level\":2,\"level\":3}").header("Authorization", bearer)),
        of(400, TestRequest.post("/kit/compact", "{\"target\":\"temp\",\"level\":2} {}").header("Authorization", bearer)),
        of(400, TestRequest.post("/kit/compact", "{\"target\":").header("Authorization", bearer)),
        // limits and failures
        of(413, TestRequest.post("/kit/compact", "{\"target\":\"" + "t".repeat(300) + "\",\"level\":2}")
            .header("Authorization", bearer)),
        of(500, TestRequest.get("/kit/fail")));
  }

  private static Arguments of(int status, TestRequest request) {
    return Arguments.of(status, request);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("requests")
  void inProcessEqualsSocket(int status, TestRequest request) {
    TestResponse overSocket = server.send(request);
    TestResponse inProcess = server.call(request);

    assertThat(overSocket).hasStatus(status);
    assertThat(inProcess).isSameResponseAs(overSocket);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("closedRequests")
  void inProcessEqualsSocketWithoutAToken(int status, TestRequest request) {
    TestResponse overSocket = closed.send(request);

    assertThat(overSocket).hasStatus(status);
    assertThat(closed.call(request)).isSameResponseAs(overSocket);
  }

  static Stream<Arguments> closedRequests() {
    return Stream.of(
        of(403, TestRequest.get("/kit/secret")),
        of(403, TestRequest.get("/kit/secret").header("Authorization", "Bearer kit-admin-token-0123456789")));
  }

  @org.junit.jupiter.api.Test
  void headHasTheGetHeadersAndNoBody() {
    TestResponse head = server.call("HEAD /kit/table?name=temp");
    TestResponse get = server.call("GET /kit/table?name=temp");

    assertThat(head.bytes()).isEmpty();
    assertThat(head.header("Content-Length")).isEqualTo(get.header("Content-Length"));
  }

  @org.junit.jupiter.api.Test
  void aClientElsewhereNeedsTheTokenInProcess() {
    assertThat(closed.call(TestRequest.get("/kit/secret").from("10.0.0.7"))).hasStatus(403);
  }
}
