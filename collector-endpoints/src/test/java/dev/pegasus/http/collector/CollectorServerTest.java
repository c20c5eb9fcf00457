package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static dev.pegasus.http.testing.Polling.pollUntil;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A collector hosted with its server: scheduled rounds, the help page, start and stop. */
final class CollectorServerTest {

  @Test
  void roundsRunOnTheirOwnAndPublishThroughTheServer() {
    try (OneTableCluster cluster = new OneTableCluster()) {
      CollectorConfig config =
          CollectorConfig.builder()
              .metaServers(cluster.metaAddress())
              .interval(Duration.ofMillis(100))
              .build();
      try (CollectorServer collector = CollectorServer.start(config, "127.0.0.1", 0)) {
        assertThat(collector.server().role()).isEqualTo("collector");
        String body =
            pollUntil(
                "a published write_qps",
                Duration.ofSeconds(10),
                () -> get(collector.server(), "/perfCounter?name=collector*app.pegasus*app.stat.write_qps%23temp").body(),
                b -> b.contains("\"value\":\"3.00\""));
        assertThat(body).contains("\"description\":\"statistic the write_qps of app temp\"");
        assertThat(get(collector.server(), "/").body())
            .contains("\"/collector/app_stat\":\"[name=<app_name>]. Shows the per-table statistics of the collector's latest round.\"");
        assertThat(get(collector.server(), "/perfCounter?name=collector*app.pegasus*round_duration_ms").status())
            .isEqualTo(200);
      }
    }
  }

  @Test
  void closeStopsTheCollectorAndTheServer() {
    CollectorServer collector =
        CollectorServer.start(
            CollectorConfig.builder().metaServers("127.0.0.1:1").firstRoundDelay(Duration.ofHours(1)).build(),
            "127.0.0.1",
            0);
    collector.close();
    assertThat(collector.server().isRunning()).isFalse();
    assertThrows(IllegalStateException.class, () -> collector.collector().runRoundNow());
    collector.close(); // twice is fine
  }

  @Test
  void aCollectorStartsOnce() {
    try (Collector c =
        new Collector(
            CollectorConfig.builder().metaServers("127.0.0.1:1").firstRoundDelay(Duration.ofHours(1)).build(),
            new dev.pegasus.http.core.PerfCounters())) {
      c.start();
      assertThrows(IllegalStateException.class, c::start);
    }
  }
}
