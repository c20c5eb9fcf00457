package dev.pegasus.http.testing;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpResponse;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real Prometheus and promtool of the machine, driven by the kit (skipped where missing). */
final class PrometheusServerTest {

  static final String EXPOSITION =
      "# HELP kit_answers_total Answers given.\n# TYPE kit_answers_total counter\nkit_answers_total 42\n";

  @RegisterExtension
  static final PegasusServerExtension server =
      PegasusServerExtension.perClass(
          b -> b.role("kit")
              .endpoint(
                  TestEndpoints.of(
                      EndpointSpec.builder("/kit/exposition").summary("A fixed exposition.").build(),
                      request ->
                          HttpResponse.of(
                              200, "text/plain; version=0.0.4; charset=utf-8",
                              EXPOSITION.getBytes(StandardCharsets.UTF_8)))));

  @TempDir Path dir;

  @Test
  void scrapesATargetAnswersQueriesAndStops() throws Exception {
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
            + "scrape_configs:\n  - job_name: kit\n    metrics_path: /kit/exposition\n"
            + "    static_configs:\n      - targets: ['127.0.0.1:" + server.port() + "']\n"
            + "        labels: {role: kit}\n");
    String url;
    try (PrometheusServer prometheus = PrometheusServer.start(config, dir)) {
      url = prometheus.url();
      JsonNode targets = prometheus.awaitTargetsUp(1, Duration.ofSeconds(30));
      assertThat(targets.get(0).path("labels").path("role").asText()).isEqualTo("kit");
      double answers =
          Polling.pollUntil(
              "the first sample", Duration.ofSeconds(30),
              () -> prometheus.queryValue("kit_answers_total{job=\"kit\"}"), v -> !Double.isNaN(v));
      assertThat(answers).isEqualTo(42.0);
    }
    assertWithMessage("Prometheus still answers after close()")
        .that(answers(url))
        .isFalse();
  }

  @Test
  void aBadConfigurationFailsStartWithTheLog() throws Exception {
    PrometheusServer.binary();
    Path config = dir.resolve("bad.yml");
    Files.writeString(config, "scrape_configs: [{job_name: x, no_such_key: 1}]\n");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> PrometheusServer.start(config, dir));
    assertThat(e).hasMessageThat().contains("no_such_key");
  }

  @Test
  void promtoolChecksAnExposition() {
    assertThat(Promtool.checkMetrics(EXPOSITION).exitCode()).isEqualTo(0);
    Promtool.Result unparsable = Promtool.checkMetrics("kit_answers_total{ 42\n");
    assertThat(unparsable.exitCode()).isEqualTo(1);
    Promtool.Result lint = Promtool.checkMetrics("# TYPE kit_answers counter\nkit_answers 1\n");
    assertThat(lint.exitCode()).isEqualTo(3);
    assertThat(lint.output()).contains("counter metrics should have \"_total\" suffix");
  }

  private static boolean answers(String url) {
    try {
      HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).timeout(Duration.ofSeconds(2)).build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (java.io.IOException | UncheckedIOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
