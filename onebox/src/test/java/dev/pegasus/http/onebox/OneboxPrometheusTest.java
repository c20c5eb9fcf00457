package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.pegasus.http.testing.Polling.pollUntil;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.PrometheusServer;
import dev.pegasus.http.testing.Promtool;
import dev.pegasus.http.testing.TestResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of monitoring with Prometheus: the onebox on ephemeral ports and the real
 * Prometheus on the shipped {@code docs/prometheus/} configuration, pointed at a backup meta. Only
 * the discovery URL and the intervals are rewritten (in a temporary copy), so that a run takes
 * seconds instead of minutes. Skipped with a printed reason where Prometheus is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class OneboxPrometheusTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final Path SHIPPED = ShippedPrometheusConfigTest.DIR;
  private static final String TEXT_0_0_4 = "text/plain;version=0.0.4";
  /**
   * Lint findings of {@code promtool check metrics} on {@code /metrics/perf_counters} that the
   * 2.5 exporter's exact names cannot avoid: 2.0 counters ending in {@code _count} ({@code
   * replica_app_pegasus_recent_expire_count}), unit abbreviations ({@code
   * replica_app_pegasus_disk_storage_sst_MB_}) and {@code :} ({@code
   * collector_app_pegasus_app_stat_read_qps:temp}). Kept on purpose, so that dashboards built on a
   * 2.5 cluster keep working; {@code /metrics} itself must be clean. Anything else (a parse error,
   * a missing HELP, a camelCase name) fails.
   */
  private static final List<String> UNAVOIDABLE_LINTS =
      List.of(
          "metric names should not contain abbreviated units",
          "metric names should not contain ':'",
          "non-histogram and non-summary metrics should not have \"_count\" suffix",
          "non-counter metrics should not have \"_total\" suffix");

  @TempDir static Path dir;
  static Onebox onebox;
  static PrometheusServer prometheus;

  @BeforeAll
  static void start() throws IOException {
    PrometheusServer.binary(); // skips the class before the onebox starts when it is missing
    onebox =
        Onebox.start(
            OneboxOptions.ephemeral().withTimings(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        rewrite(
            Files.readString(SHIPPED.resolve("prometheus.yml")),
            "url: http://127.0.0.1:34601/meta/scrape_targets",
            "url: " + onebox.backupMetaUrls().get(0) + "/meta/scrape_targets",
            "scrape_interval: 10s", "scrape_interval: 1s",
            "scrape_timeout: 10s", "scrape_timeout: 1s",
            "evaluation_interval: 10s", "evaluation_interval: 1s",
            "refresh_interval: 30s", "refresh_interval: 1s"));
    // rate() over 5 scrapes of 1 s instead of 6 of 10 s; the expressions stay the shipped ones
    Files.writeString(
        dir.resolve("pegasus-rules.yml"),
        rewrite(Files.readString(SHIPPED.resolve("pegasus-rules.yml")), "[1m]", "[5s]"));
    prometheus = PrometheusServer.start(config, dir);
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (onebox != null) {
      onebox.close();
    }
  }

  /** {@code text} with each pair replaced; a pattern the shipped file lost fails the test. */
  private static String rewrite(String text, String... pairs) {
    String out = text;
    for (int i = 0; i < pairs.length; i += 2) {
      assertWithMessage("the shipped file contains %s", pairs[i]).that(out).contains(pairs[i]);
      out = out.replace(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  private static List<String> allServers() {
    List<String> all = new ArrayList<>(onebox.metaUrls());
    all.addAll(onebox.replicaUrls());
    all.add(onebox.collectorUrl());
    return all;
  }

  @Test
  @Order(1)
  void theDiscoveryUrlIsABackupThatRedirects() {
    TestResponse r = HttpCalls.get(onebox.backupMetaUrls().get(0) + "/meta/scrape_targets");
    assertThat(r.status()).isEqualTo(307);
    assertThat(r.header("Location")).hasValue(onebox.primaryMetaUrl().orElseThrow() + "/meta/scrape_targets");
  }

  @Test
  @Order(2)
  void everyServerIsDiscoveredThroughTheBackupWithItsRoleAndCluster() {
    String discovery = onebox.backupMetaUrls().get(0) + "/meta/scrape_targets";
    JsonNode targets =
        pollUntil(
            "every server discovered", DEADLINE, prometheus::activeTargets,
            t -> t.size() == 2 * allServers().size()); // two jobs: the registry and the perf counters
    List<String> seen = new ArrayList<>();
    for (JsonNode t : targets) {
      JsonNode labels = t.path("labels");
      assertThat(labels.path("cluster").asText()).isEqualTo("onebox");
      assertThat(t.path("discoveredLabels").path("__meta_url").asText()).isEqualTo(discovery);
      seen.add(labels.path("role").asText() + " " + t.path("scrapeUrl").asText());
    }
    List<String> expected = new ArrayList<>();
    for (String path : List.of("/metrics", "/metrics/perf_counters")) {
      onebox.metaUrls().forEach(u -> expected.add("meta " + u + path));
      onebox.replicaUrls().forEach(u -> expected.add("replica " + u + path));
      expected.add("collector " + onebox.collectorUrl() + path);
    }
    assertThat(seen).containsExactlyElementsIn(expected);
  }

  @Test
  @Order(3)
  void everyTargetIsUp() {
    prometheus.awaitTargetsUp(2 * allServers().size(), DEADLINE);
  }

  @Test
  @Order(4)
  void theRecordingRuleForTempsReadQpsAgreesWithTheCollector() {
    String rule = "cluster_table:pegasus_read_qps:rate1m{table_id=\"2\"}";
    String collector =
        onebox.collectorUrl() + "/perfCounter?name=collector*app.pegasus*app.stat.read_qps%23temp";
    double[] last = new double[2];
    pollUntil(
        "the rule " + rule + " within 10 % of the collector's read_qps#temp",
        DEADLINE,
        () -> {
          last[0] = prometheus.queryValue(rule);
          last[1] = collectorValue(HttpCalls.get(collector));
          return List.of(last[0], last[1]);
        },
        v -> v.get(1) > 0 && !Double.isNaN(v.get(0)) && Math.abs(v.get(0) - v.get(1)) <= 0.1 * v.get(1));
  }

  private static double collectorValue(TestResponse r) {
    Matcher m = Pattern.compile("\"value\":\"([0-9.]+)\"").matcher(r.body());
    return r.status() == 200 && m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  @Order(5)
  void promtoolFindsEveryRolesExpositionClean() {
    for (String server : allServers()) {
      TestResponse r = HttpCalls.send("GET", server + "/metrics", null, "Accept", TEXT_0_0_4);
      assertWithMessage("%s/metrics: %s", server, r.body()).that(r.status()).isEqualTo(200);
      assertThat(r.contentType()).startsWith("text/plain; version=0.0.4");
      Promtool.Result check = Promtool.checkMetrics(r.body());
      assertWithMessage("promtool check metrics on %s/metrics (exit %s)", server, check.exitCode())
          .that(check.output().strip())
          .isEmpty();
      assertWithMessage("promtool's exit code on %s/metrics", server).that(check.exitCode()).isEqualTo(0);

      TestResponse legacy = HttpCalls.send("GET", server + "/metrics/perf_counters", null);
      assertWithMessage("%s/metrics/perf_counters", server).that(legacy.status()).isEqualTo(200);
      Promtool.Result legacyCheck = Promtool.checkMetrics(legacy.body());
      List<String> problems = new ArrayList<>();
      for (String line : legacyCheck.output().split("\n")) {
        if (!line.isBlank() && UNAVOIDABLE_LINTS.stream().noneMatch(line::endsWith)) {
          problems.add(line);
        }
      }
      assertWithMessage("promtool check metrics on %s/metrics/perf_counters:\n%s", server, legacyCheck.output())
          .that(problems)
          .isEmpty();
      assertWithMessage("promtool's exit code on %s/metrics/perf_counters", server)
          .that(legacyCheck.exitCode())
          .isAnyOf(0, 3);
    }
  }

}
