package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static dev.pegasus.http.testing.Polling.pollUntil;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.replica.ReplicaCounter;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A collector hosted with its server: scheduled rounds, the help page, start and stop. */
final class CollectorServerTest {

  @Test
  void roundsRunOnTheirOwnAndPublishThroughTheServer() {
    MetaStub meta = new MetaStub();
    try (PegasusHttpServer metaServer =
            PegasusHttpServer.builder().role("meta").port(0).service(MetaStub.class, meta).build().start();
        SimulatedReplica replica = new SimulatedReplica()) {
      replica.host(HostedReplica.primary(new Gpid(1, 0), "temp", 0));
      replica.rate(new Gpid(1, 0), ReplicaCounter.PUT_QPS, 3).publishSnapshot();
      meta.node(replica.address(), true).table(1, "temp", MetaStub.Partition.of(replica.address()));
      CollectorConfig config =
          CollectorConfig.builder()
              .metaServers("127.0.0.1:" + metaServer.port())
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
