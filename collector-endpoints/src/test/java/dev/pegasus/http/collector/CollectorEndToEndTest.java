package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;

import dev.pegasus.http.collector.MetaStub.Partition;
import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.replica.ReplicaCounter;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.testing.TestResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One meta (static leadership), two real replica servers with known counters, and a collector
 * server: after one round its counters equal hand-computed sums; with one replica server gone it
 * keeps serving, counts only the live one and counts the failure.
 *
 * <p>Table {@code temp} (app 2) is the collector reference's worked example: A is primary of 2.0,
 * B of 2.1. Table {@code stat} (app 3) has one partition, primary A, secondary B.
 */
final class CollectorEndToEndTest {

  private final MetaStub meta = new MetaStub();
  private PegasusHttpServer metaServer;
  private SimulatedReplica a;
  private SimulatedReplica b;
  private CollectorServer collector;

  @BeforeEach
  void start() {
    metaServer = PegasusHttpServer.builder().role("meta").port(0).service(MetaStub.class, meta).build().start();
    a = new SimulatedReplica();
    b = new SimulatedReplica();
    meta.node(a.address(), true)
        .node(b.address(), true)
        .table(2, "temp", Partition.of(a.address(), b.address()), Partition.of(b.address(), a.address()))
        .table(3, "stat", Partition.of(a.address(), b.address()));
    Gpid t0 = new Gpid(2, 0);
    Gpid t1 = new Gpid(2, 1);
    Gpid s0 = new Gpid(3, 0);
    a.host(
        HostedReplica.primary(t0, "temp", 0),
        HostedReplica.secondary(t1, "temp", 0),
        HostedReplica.primary(s0, "stat", 0));
    b.host(
        HostedReplica.secondary(t0, "temp", 0),
        HostedReplica.primary(t1, "temp", 0),
        HostedReplica.secondary(s0, "stat", 0));
    a.rate(t0, ReplicaCounter.GET_QPS, 10.4)
        .rate(t0, ReplicaCounter.PUT_QPS, 3.0)
        .rate(t1, ReplicaCounter.PUT_QPS, 2.0) // secondary: ignored
        .backupRequestQps("temp", 0.5)
        .number(t0, ReplicaCounter.BLOCK_CACHE_HIT_COUNT, 900)
        .number(t0, ReplicaCounter.BLOCK_CACHE_TOTAL_COUNT, 1000)
        .rate(s0, ReplicaCounter.GET_QPS, 5.0)
        .rate(s0, ReplicaCounter.PUT_QPS, 1.5)
        .rate(s0, ReplicaCounter.DUPLICATE_QPS, 0.5);
    b.rate(t1, ReplicaCounter.GET_QPS, 0.7)
        .rate(t1, ReplicaCounter.PUT_QPS, 2.0)
        .backupRequestQps("temp", 0.6)
        .rate(s0, ReplicaCounter.GET_QPS, 100) // secondary: ignored
        .rate(t0, ReplicaCounter.PUT_QPS, 3.0); // secondary: ignored
    a.publishSnapshot();
    b.publishSnapshot();
    collector =
        CollectorServer.start(
            CollectorConfig.builder()
                .metaServers("127.0.0.1:" + metaServer.port())
                .firstRoundDelay(Duration.ofHours(1)) // rounds run only when the test asks
                .build(),
            "127.0.0.1",
            0);
  }

  @AfterEach
  void stop() {
    collector.close();
    a.close();
    b.close();
    metaServer.close();
  }

  @Test
  void oneRoundPublishesTheHandComputedSums() {
    collector.collector().runRoundNow().orElseThrow();

    assertThat(stat("get_qps", "temp")).isEqualTo("11.00"); // trunc(10.4 + 0.7)
    assertThat(stat("read_qps", "temp")).isEqualTo("11.00");
    assertThat(stat("put_qps", "temp")).isEqualTo("5.00"); // 3 + 2, secondaries' puts ignored
    assertThat(stat("write_qps", "temp")).isEqualTo("5.00");
    assertThat(stat("backup_request_qps", "temp")).isEqualTo("1.00"); // trunc(0.5 + 0.6), all nodes
    assertThat(stat("rdb_block_cache_hit_rate", "temp")).isEqualTo("900000.00");

    assertThat(stat("read_qps", "stat")).isEqualTo("5.00"); // B's 100 as a secondary is ignored
    assertThat(stat("write_qps", "stat")).isEqualTo("2.00"); // 1.5 + duplicate 0.5
    assertThat(stat("put_qps", "stat")).isEqualTo("1.00");

    assertThat(stat("read_qps", "_all_")).isEqualTo("16.00"); // trunc(11.1 + 5.0)
    assertThat(stat("write_qps", "_all_")).isEqualTo("7.00"); // 5.0 + 2.0
    assertThat(stat("put_qps", "_all_")).isEqualTo("6.00"); // trunc(5.0 + 1.5)
    assertThat(stat("rdb_block_cache_hit_rate", "_all_")).isEqualTo("900000.00");

    assertThat(get(collector.server(), "/perfCounter?name=collector*app.pegasus*app.stat.read_qps%23_all_").body())
        .isEqualTo(
            "{\"name\":\"collector*app.pegasus*app.stat.read_qps#_all_\",\"value\":\"16.00\",\"type\":\"NUMBER\","
                + "\"description\":\"statistic the read_qps of app _all_\"}\n");
    assertThat(counter(Collector.SCRAPE_FAILURES)).isEqualTo("0.00");
  }

  @Test
  void everyTableGetsAll41Counters() {
    collector.collector().runRoundNow().orElseThrow();
    collector.server().counters().takeSnapshot();
    String listing = get(collector.server(), "/perfCounters?prefix=collector*app.pegasus*app.stat.").body();
    for (String table : new String[] {"temp", "stat", "_all_"}) {
      assertThat(listing.split("#" + table + "\"", -1)).hasLength(42);
    }
  }

  @Test
  void aDeadReplicaServerIsSkippedAndCounted() {
    collector.collector().runRoundNow().orElseThrow();
    b.close();

    AppStatRound round = collector.collector().runRoundNow().orElseThrow();

    assertThat(round.failedReplicaServers()).containsExactly(b.address());
    assertThat(stat("get_qps", "temp")).isEqualTo("10.00"); // only A's 10.4
    assertThat(stat("read_qps", "temp")).isEqualTo("10.00");
    assertThat(stat("write_qps", "temp")).isEqualTo("3.00");
    assertThat(stat("backup_request_qps", "temp")).isEqualTo("0.00"); // trunc(0.5)
    assertThat(stat("read_qps", "stat")).isEqualTo("5.00"); // A is its primary: unchanged
    assertThat(stat("read_qps", "_all_")).isEqualTo("15.00"); // trunc(10.4 + 5.0)
    assertThat(stat("write_qps", "_all_")).isEqualTo("5.00");
    assertThat(counter(Collector.SCRAPE_FAILURES)).isEqualTo("1.00");

    collector.collector().runRoundNow().orElseThrow();
    assertThat(counter(Collector.SCRAPE_FAILURES)).isEqualTo("2.00");
    TestResponse view = get(collector.server(), "/collector/app_stat?name=_all_");
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body()).contains("\"failed_replica_servers\":\"[" + b.address() + "]\"");
  }

  @Test
  void unaliveNodesAreNotScraped() {
    meta.node(b.address(), false);
    AppStatRound round = collector.collector().runRoundNow().orElseThrow();
    assertThat(round.replicaServers()).containsExactly(a.address());
    assertThat(round.failedReplicaServers()).isEmpty();
    assertThat(stat("read_qps", "temp")).isEqualTo("10.00");
  }

  @Test
  void countersOfADroppedTableAreRemoved() {
    collector.collector().runRoundNow().orElseThrow();
    meta.dropTable("stat");
    collector.collector().runRoundNow().orElseThrow();

    TestResponse gone = get(collector.server(), "/perfCounter?name=collector*app.pegasus*app.stat.read_qps%23stat");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(stat("read_qps", "_all_")).isEqualTo("11.00");
    assertThat(collector.server().counters().names().stream().filter(n -> n.endsWith("#stat")).count()).isEqualTo(0);
  }

  @Test
  void aRoundWithoutAnyMetaPublishesNothing() {
    collector.collector().runRoundNow().orElseThrow();
    meta.noPrimary(true);
    a.rate(new Gpid(2, 0), ReplicaCounter.GET_QPS, 50);
    a.publishSnapshot();

    assertThat(collector.collector().runRoundNow()).isEmpty();

    assertThat(stat("read_qps", "temp")).isEqualTo("11.00"); // stale, not zeroed
    assertThat(counter(Collector.META_FAILURES)).isEqualTo("1.00");
  }

  private String stat(String metric, String table) {
    return counter("app.stat." + metric + "%23" + table);
  }

  private String counter(String namePart) {
    TestResponse r = get(collector.server(), "/perfCounter?name=collector*app.pegasus*" + namePart);
    assertThat(r.status()).isEqualTo(200);
    String body = r.body();
    int start = body.indexOf("\"value\":\"") + 9;
    return body.substring(start, body.indexOf('"', start));
  }
}
