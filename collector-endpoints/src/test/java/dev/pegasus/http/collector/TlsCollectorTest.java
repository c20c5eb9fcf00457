package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;

import dev.pegasus.http.collector.MetaStub.Partition;
import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.TlsClientSettings;
import dev.pegasus.http.core.TlsSettings;
import dev.pegasus.http.core.testing.TestCertificates;
import dev.pegasus.http.replica.ReplicaCounter;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.testing.HttpCalls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collector scraping a cluster that serves HTTPS only, whose servers also verify client
 * certificates: with the cluster's CA (and its own client certificate) it publishes the sums; a
 * collector that speaks plain HTTP to it gets nothing.
 */
final class TlsCollectorTest {

  @TempDir Path dir;
  private final MetaStub meta = new MetaStub();
  private PegasusHttpServer metaServer;
  private SimulatedReplica replica;
  private Path caPem;
  private final TestCertificates.Authority ca = TestCertificates.authority("cluster CA");

  @BeforeEach
  void start() {
    caPem = ca.writeCertificate(dir.resolve("ca.pem"));
    TlsSettings tls = ca.server("cluster").writePem(dir.resolve("server.pem"), dir.resolve("server.key")).withClientCa(caPem);
    metaServer =
        PegasusHttpServer.builder()
            .role("meta")
            .service(MetaStub.class, meta)
            .configure(c -> c.tls(tls).accessLog(false))
            .build()
            .start();
    replica = new SimulatedReplica(1, 4, EnumSet.allOf(ReplicaCounter.class), tls);
    meta.node(replica.address(), true).table(2, "temp", Partition.of(replica.address()));
    Gpid t0 = new Gpid(2, 0);
    replica.host(HostedReplica.primary(t0, "temp", 0));
    replica.rate(t0, ReplicaCounter.GET_QPS, 7.0).rate(t0, ReplicaCounter.PUT_QPS, 2.0);
    replica.publishSnapshot();
  }

  @AfterEach
  void stop() {
    replica.close();
    metaServer.close();
  }

  private CollectorServer collector(TlsClientSettings tls) {
    return CollectorServer.start(
        CollectorConfig.builder()
            .metaServers("127.0.0.1:" + metaServer.port())
            .firstRoundDelay(Duration.ofHours(1))
            .tls(tls)
            .build(),
        "127.0.0.1",
        0);
  }

  @Test
  void aCollectorWithTheClusterCaScrapesItOverHttps() {
    TlsClientSettings tls =
        TlsClientSettings.trusting(caPem)
            .withClientCertificate(ca.client("collector").writePem(dir.resolve("c.pem"), dir.resolve("c.key")));
    assertThat(tls.toString()).contains("ca.pem");
    try (CollectorServer collector = collector(tls)) {
      AppStatRound round = collector.collector().runRoundNow().orElseThrow();
      assertThat(round.failedReplicaServers()).isEmpty();
      // the collector itself serves plain HTTP here; the cluster it scrapes serves HTTPS
      assertThat(HttpCalls.get(collector.server(), "/perfCounter?name=collector*app.pegasus*app.stat.read_qps%23temp").body())
          .contains("\"value\":\"7.00\"");
    }
  }

  @Test
  void aCollectorSpeakingPlainHttpToAnHttpsClusterPublishesNothing() {
    try (CollectorServer collector = collector(null)) {
      assertThat(collector.collector().runRoundNow()).isEmpty();
    }
  }
}
