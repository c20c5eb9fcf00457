package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Polling.pollUntil;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.replica.ReplicaCounter;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A replica server that never answers, stalls in its body or answers garbage costs a round at
 * most the request timeout; the healthy server's numbers still publish and the failure counts.
 */
final class SickReplicaTest {

  private final MetaStub meta = new MetaStub();
  private PegasusHttpServer metaServer;
  private SimulatedReplica healthy;
  private PerfCounters published;
  private Collector collector;

  @BeforeEach
  void start() {
    metaServer = PegasusHttpServer.builder().role("meta").port(0).service(MetaStub.class, meta).build().start();
    healthy = new SimulatedReplica();
    healthy.host(HostedReplica.primary(new Gpid(1, 0), "temp", 0));
    healthy.rate(new Gpid(1, 0), ReplicaCounter.GET_QPS, 4).publishSnapshot();
    published = new PerfCounters();
    collector =
        new Collector(
            CollectorConfig.builder()
                .metaServers("127.0.0.1:" + metaServer.port())
                .requestTimeout(Duration.ofSeconds(1))
                .build(),
            published);
  }

  @AfterEach
  void stop() {
    collector.close();
    healthy.close();
    metaServer.close();
  }

  @ParameterizedTest
  @EnumSource(BadPeer.Behaviour.class)
  void aSickServerIsSkippedWithinTheTimeout(BadPeer.Behaviour behaviour) throws Exception {
    meta.node(healthy.address(), true).table(1, "temp", MetaStub.Partition.of(healthy.address()));
    // A cold JVM on a busy machine can miss the deadline once: warm up with a healthy cluster.
    pollUntil("a first round", Duration.ofSeconds(30), collector::runRoundNow, Optional::isPresent);
    try (BadPeer sick = new BadPeer(behaviour)) {
      meta.node(sick.address(), true)
          .table(1, "temp", MetaStub.Partition.of(healthy.address(), sick.address()));

      AppStatRound round = collector.runRoundNow().orElseThrow();

      assertThat(round.failedReplicaServers()).containsExactly(sick.address());
      assertThat(round.duration()).isLessThan(Duration.ofSeconds(5));
      assertThat(round.app("temp").orElseThrow().value(AppStatMetric.READ_QPS)).isEqualTo(4);
      assertThat(value("collector*app.pegasus*" + Collector.SCRAPE_FAILURES)).isEqualTo(1.0);
      assertThat(value("collector*app.pegasus*app.stat.read_qps#temp")).isEqualTo(4.0);
    }
  }

  private double value(String name) {
    return published.find(name).orElseThrow().read().value();
  }
}
