package dev.pegasus.http.testing;

import static com.google.common.truth.ExpectFailure.expectFailureAbout;
import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.ResponseSubject.assertThat;
import static dev.pegasus.http.testing.ResponseSubject.responses;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ResponseSubjectTest {

  private static TestResponse response(int status, String contentType, String body) {
    return new TestResponse(
        status, Map.of("Content-Type", List.of(contentType), "X-Kit", List.of("1")), body.getBytes(StandardCharsets.UTF_8));
  }

  private static final TestResponse NOT_FOUND =
      response(404, "application/json", Envelopes.envelope(404, "Not Found", "table not found: \"x\"", "/meta/app"));
  private static final TestResponse TABLE =
      response(200, "application/json", "{\"general\":{\"app_name\":\"temp\",\"partitions\":8,\"healthy\":true,\"dropped\":null}}");

  @Test
  void statusHeadersAndBody() {
    assertThat(TABLE).hasStatus(200);
    assertThat(TABLE).hasHeader("x-kit", "1");
    assertThat(TABLE).hasNoHeader("Location");
    assertThat(TABLE).hasContentType("application/json");
    assertThat(TABLE).header("Content-Type").startsWith("application/");
    assertThat(TABLE).body().contains("temp");
  }

  @Test
  void jsonFieldsByPointer() {
    assertThat(TABLE).hasJsonField("/general/app_name", "temp");
    assertThat(TABLE).hasJsonField("/general/partitions", 8);
    assertThat(TABLE).hasJsonField("/general/partitions", 8.0);
    assertThat(TABLE).hasJsonField("/general/healthy", true);
    assertThat(TABLE).hasJsonField("/general/dropped", null);
    assertThat(TABLE).hasNoJsonField("/general/nope");
    assertThat(TABLE).jsonField("/general/partitions").isEqualTo("8");
  }

  @Test
  void aMissingOrDifferentFieldFails() {
    AssertionError missing =
        expectFailureAbout(responses(), whenTesting -> whenTesting.that(TABLE).hasJsonField("/general/nope", "x"));
    assertThat(missing).hasMessageThat().contains("/general/nope");
    AssertionError typed =
        expectFailureAbout(responses(), whenTesting -> whenTesting.that(TABLE).hasJsonField("/general/partitions", "8"));
    assertThat(typed).hasMessageThat().contains("\"8\"");
  }

  @Test
  void errorEnvelope() {
    assertThat(NOT_FOUND).isErrorEnvelope(404, "table not found: \"x\"");
    assertThat(NOT_FOUND).isErrorEnvelope(404, "table not found: \"x\"", "/meta/app");
  }

  @Test
  void anotherMessageOrAPlainBodyIsNoEnvelope() {
    expectFailureAbout(responses(), whenTesting -> whenTesting.that(NOT_FOUND).isErrorEnvelope(404, "other"));
    expectFailureAbout(responses(), whenTesting -> whenTesting.that(NOT_FOUND).isErrorEnvelope(400, "table not found: \"x\""));
    AssertionError plain =
        expectFailureAbout(
            responses(), whenTesting -> whenTesting.that(response(404, "application/json", "{\"a\":1}\n")).isErrorEnvelope(404, "x"));
    assertThat(plain).hasMessageThat().contains("error envelope");
  }

  @Test
  void sameResponseIgnoresConnectionHeadersAndNameCase() {
    TestResponse socket =
        new TestResponse(
            200,
            Map.of("content-type", List.of("text/plain"), "date", List.of("now"), "connection", List.of("keep-alive")),
            "x".getBytes(StandardCharsets.UTF_8));
    TestResponse inProcess =
        new TestResponse(200, Map.of("Content-Type", List.of("text/plain")), "x".getBytes(StandardCharsets.UTF_8));

    assertThat(inProcess).isSameResponseAs(socket);
    expectFailureAbout(responses(), whenTesting -> whenTesting.that(TABLE).isSameResponseAs(socket));
  }
}
