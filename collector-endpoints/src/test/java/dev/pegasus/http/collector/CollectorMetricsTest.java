package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;

import dev.pegasus.http.core.NumberCounter;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.metrics.Counter;
import dev.pegasus.http.core.metrics.Gauge;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.Percentile;
import dev.pegasus.http.core.metrics.Quantile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The collector's own metrics on its server entity move with its perf counters. */
final class CollectorMetricsTest {

  @Test
  void publishedRoundsCountOnBothSides() {
    try (OneTableCluster cluster = new OneTableCluster();
        CollectorServer collector =
            CollectorServer.start(
                CollectorConfig.builder().metaServers(cluster.metaAddress()).firstRoundDelay(Duration.ofHours(1)).build(),
                "127.0.0.1",
                0)) {
      collector.collector().runRoundNow().orElseThrow();
      collector.collector().runRoundNow().orElseThrow();

      MetricEntity server = collector.server().metrics().server();
      assertThat(counter(server, "collector_rounds")).isEqualTo(2);
      assertThat(perf(collector.server().counters(), Collector.ROUNDS)).isEqualTo(2);
      assertThat(counter(server, "collector_failed_scrapes")).isEqualTo(0);
      assertThat(counter(server, "collector_abandoned_rounds")).isEqualTo(0);
      assertThat(gauge(server, "collector_replica_servers")).isEqualTo(1);
      assertThat(gauge(server, "collector_published_tables")).isEqualTo(1);
      Percentile duration = (Percentile) server.metric("collector_round_duration_ms").orElseThrow();
      assertThat(duration.recordedCount()).isEqualTo(2);
      duration.compute();
      // the latest round's duration is one of the two samples, so at most the largest
      assertThat(perf(collector.server().counters(), Collector.ROUND_DURATION_MS))
          .isAtMost(duration.value(Quantile.P999));
      assertThat(server.metric("collector_rounds").orElseThrow().prototype().description())
          .isEqualTo("The number of rounds the collector published");
    }
  }

  @Test
  void aRoundNoMetaAnsweredIsCountedAsAbandoned() {
    try (CollectorServer collector =
        CollectorServer.start(
            CollectorConfig.builder()
                .metaServers("127.0.0.1:1")
                .requestTimeout(Duration.ofSeconds(2))
                .firstRoundDelay(Duration.ofHours(1))
                .build(),
            "127.0.0.1",
            0)) {
      assertThat(collector.collector().runRoundNow()).isEmpty();
      MetricEntity server = collector.server().metrics().server();
      assertThat(counter(server, "collector_abandoned_rounds")).isEqualTo(1);
      assertThat(perf(collector.server().counters(), Collector.META_FAILURES)).isEqualTo(1);
      assertThat(counter(server, "collector_rounds")).isEqualTo(0);
    }
  }

  private static long perf(PerfCounters counters, String namePart) {
    return ((NumberCounter) counters.find("collector*app.pegasus*" + namePart).orElseThrow()).value();
  }

  private static long counter(MetricEntity e, String name) {
    return ((Counter) e.metric(name).orElseThrow()).value();
  }

  private static long gauge(MetricEntity e, String name) {
    return ((Gauge) e.metric(name).orElseThrow()).value();
  }
}
