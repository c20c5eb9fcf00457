package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;

import dev.pegasus.http.collector.CollectorConfig;
import dev.pegasus.http.collector.CollectorServer;
import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.meta.AppInfo;
import dev.pegasus.http.meta.ClusterFacts;
import dev.pegasus.http.meta.HostPort;
import dev.pegasus.http.meta.InMemoryMetaState;
import dev.pegasus.http.meta.MetaLeadership;
import dev.pegasus.http.meta.MetaSnapshot;
import dev.pegasus.http.meta.MetaState;
import dev.pegasus.http.meta.NodeState;
import dev.pegasus.http.meta.PartitionConfig;
import dev.pegasus.http.meta.StaticMetaLeadership;
import dev.pegasus.http.meta.Table;
import dev.pegasus.http.replica.InMemoryReplicaState;
import dev.pegasus.http.replica.PartitionCounters;
import dev.pegasus.http.replica.ReplicaCounter;
import dev.pegasus.http.replica.ReplicaCounters;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import dev.pegasus.http.replica.spi.ReplicaState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Collector against the real meta role (static leadership) and two real replica servers with
 * known counter values: after a round its table and {@code _all_} statistics equal the
 * hand-computed sums of the primaries' counters; a replica server that dies leaves the collector
 * serving what the live one reports, and counts the failure. (The collector module's own
 * end-to-end test uses a stub meta, to keep that module free of the meta module.)
 */
final class CollectorWithRealMetaTest {

  private static final int TEMP = 2;

  /** One replica server whose RATE counters run on a clock the test moves. */
  private static final class Replica implements AutoCloseable {
    final AtomicLong nanos = new AtomicLong();
    final PerfCounters counters = new PerfCounters(nanos::get, Clock.systemUTC());
    final InMemoryReplicaState state = new InMemoryReplicaState();
    final ReplicaCounters replicaCounters = new ReplicaCounters(counters);
    final PegasusHttpServer server;

    Replica() {
      state.subscribe(replicaCounters::sync);
      server =
          PegasusHttpServer.builder()
              .role("replica")
              .port(0)
              .counters(counters)
              .service(ReplicaState.class, state)
              .configure(c -> c.counterPeriod(Duration.ofHours(1)).accessLog(false))
              .build()
              .start();
    }

    HostPort address() {
      return HostPort.of("127.0.0.1", server.port());
    }

    PartitionCounters partition(int pidx) {
      return replicaCounters.partition(new Gpid(TEMP, pidx)).orElseThrow();
    }

    /** Counts {@code perSecond} events for each of the next 10 s, then snapshots. */
    void rates(int pidx, long getPerSecond, long putPerSecond) {
      partition(pidx).rate(ReplicaCounter.GET_QPS).add(getPerSecond * 10);
      partition(pidx).rate(ReplicaCounter.PUT_QPS).add(putPerSecond * 10);
    }

    void snapshotAfterTenSeconds() {
      nanos.addAndGet(TimeUnit.SECONDS.toNanos(10));
      counters.takeSnapshot();
    }

    @Override
    public void close() {
      server.close();
    }
  }

  private Replica a;
  private Replica b;
  private PegasusHttpServer meta;
  private CollectorServer collector;

  @BeforeEach
  void start() {
    a = new Replica();
    b = new Replica();
    // temp: partition 0 primary on a, secondary on b; partition 1 the other way round
    a.state.replace(
        ReplicaSnapshot.builder()
            .put(HostedReplica.primary(new Gpid(TEMP, 0), "temp", 10))
            .put(HostedReplica.secondary(new Gpid(TEMP, 1), "temp", 10))
            .build());
    b.state.replace(
        ReplicaSnapshot.builder()
            .put(HostedReplica.primary(new Gpid(TEMP, 1), "temp", 10))
            .put(HostedReplica.secondary(new Gpid(TEMP, 0), "temp", 10))
            .build());
    a.rates(0, 100, 30);
    a.rates(1, 999, 999); // a secondary's counters: the collector must ignore them
    b.rates(1, 50, 20);
    b.rates(0, 777, 777);
    a.snapshotAfterTenSeconds();
    b.snapshotAfterTenSeconds();

    MetaSnapshot snapshot =
        MetaSnapshot.builder()
            .cluster(ClusterFacts.builder().build())
            .node(NodeState.alive(a.address()))
            .node(NodeState.alive(b.address()))
            .table(
                Table.of(
                    AppInfo.builder(TEMP, "temp").partitionCount(2).maxReplicaCount(2).build(),
                    List.of(
                        PartitionConfig.of(0, 3, a.address(), List.of(b.address()), 2),
                        PartitionConfig.of(1, 3, b.address(), List.of(a.address()), 2))))
            .build();
    meta =
        PegasusHttpServer.builder().port(0)
            .role("meta")
            .service(MetaState.class, new InMemoryMetaState(snapshot))
            .service(MetaLeadership.class, StaticMetaLeadership.self())
            .build()
            .start();
    collector =
        CollectorServer.start(
            CollectorConfig.builder()
                .metaServers(List.of("127.0.0.1:" + meta.port()))
                .interval(Duration.ofHours(1))
                // Rounds run only when the test asks: a scheduled first round racing the test's
                // would scrape the closed replica server once more and count a second failure.
                .firstRoundDelay(Duration.ofHours(1))
                .build(),
            server -> server.port(0));
  }

  @AfterEach
  void stop() {
    collector.close();
    meta.close();
    a.close();
    b.close();
  }

  private String stat(String metric, String table) {
    String body =
        get(collector.server(), "/perfCounter?name=collector*app.pegasus*app.stat." + metric + "%23" + table).body();
    int start = body.indexOf("\"value\":\"") + 9;
    return body.substring(start, body.indexOf('"', start));
  }

  private double scrapeFailures() {
    String body =
        get(collector.server(), "/perfCounter?name=collector*app.pegasus*replica_scrape_failures").body();
    int start = body.indexOf("\"value\":\"") + 9;
    return Double.parseDouble(body.substring(start, body.indexOf('"', start)));
  }

  @Test
  void aRoundSumsThePrimariesCounters() {
    assertThat(collector.collector().runRoundNow()).isPresent();
    assertThat(stat("read_qps", "temp")).isEqualTo("150.00");
    assertThat(stat("write_qps", "temp")).isEqualTo("50.00");
    assertThat(stat("read_qps", "_all_")).isEqualTo("150.00");
    assertThat(stat("write_qps", "_all_")).isEqualTo("50.00");
    assertThat(stat("get_qps", "temp")).isEqualTo("150.00");
  }

  @Test
  void aDeadReplicaServerIsSkippedAndCounted() {
    collector.collector().runRoundNow();
    // Counted from here, so that the test says what this round adds.
    double before = scrapeFailures();
    b.close();
    assertThat(collector.collector().runRoundNow()).isPresent();
    assertThat(stat("read_qps", "temp")).isEqualTo("100.00");
    assertThat(stat("write_qps", "_all_")).isEqualTo("30.00");
    assertThat(scrapeFailures() - before).isEqualTo(1.0);
    assertThat(get(collector.server(), "/collector/app_stat").status()).isEqualTo(200);
  }
}
