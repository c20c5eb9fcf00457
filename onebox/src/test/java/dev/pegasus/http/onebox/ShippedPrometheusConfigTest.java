package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.pegasus.http.testing.Promtool;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code docs/prometheus/} files as they are: {@code promtool check config} and {@code
 * check rules} (with every lint, fatal) clean, and the rules' unit tests passing. Skipped with a
 * printed reason where promtool is missing.
 */
final class ShippedPrometheusConfigTest {

  static final Path DIR = Path.of("..", "docs", "prometheus").toAbsolutePath().normalize();

  private static void assertClean(Promtool.Result r) {
    assertWithMessage("promtool said:\n%s", r.output()).that(r.exitCode()).isEqualTo(0);
  }

  @Test
  void checkConfigIsClean() {
    assertClean(
        Promtool.run("check", "config", "--lint=all", "--lint-fatal", DIR.resolve("prometheus.yml").toString()));
  }

  @Test
  void checkRulesIsClean() {
    assertClean(
        Promtool.run("check", "rules", "--lint=all", "--lint-fatal", DIR.resolve("pegasus-rules.yml").toString()));
  }

  @Test
  void theRulesComputeTheCollectorsStatisticsOnMadeUpSeries() {
    assertClean(Promtool.run("test", "rules", DIR.resolve("pegasus-rules.test.yml").toString()));
  }
}
