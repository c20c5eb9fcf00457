package dev.pegasus.http.collector;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.TlsSettings;
import dev.pegasus.http.core.PerfCounters;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only: a real replica-role {@link PegasusHttpServer} whose counters tests set to known
 * values. Its RATE counters run on a clock the test moves: {@link #publishSnapshot()} advances
 * it by exactly 10 s and snapshots, so a rate of {@code r}/s is {@code 10·r} events.
 */
public final class SimulatedReplica implements AutoCloseable {

  private static final long WINDOW_NANOS = 10_000_000_000L;

  private final AtomicLong nanos = new AtomicLong();
  private final PerfCounters counters = new PerfCounters(nanos::get, Clock.systemUTC());
  private final InMemoryReplicaState state = new InMemoryReplicaState();
  private final ReplicaCounters replicaCounters;
  private final PegasusHttpServer server;

  public SimulatedReplica() {
    this(1, 4, EnumSet.allOf(ReplicaCounter.class));
  }

  /** A replica server with this many Undertow I/O and worker threads and these counters. */
  public SimulatedReplica(int ioThreads, int workerThreads, Set<ReplicaCounter> registered) {
    this(ioThreads, workerThreads, registered, null);
  }

  /** The same, serving HTTPS with {@code tls} (null: plain HTTP). */
  public SimulatedReplica(int ioThreads, int workerThreads, Set<ReplicaCounter> registered, TlsSettings tls) {
    replicaCounters = new ReplicaCounters(counters, ReplicaCounters.DEFAULT_APP, registered);
    state.subscribe(replicaCounters::sync);
    server =
        PegasusHttpServer.builder()
            .role("replica")
            .port(0)
            .counters(counters)
            .service(ReplicaState.class, state)
            .configure(
                c ->
                    c.counterPeriod(Duration.ofHours(1))
                        .ioThreads(ioThreads)
                        .workerThreads(workerThreads)
                        .accessLog(false)
                        .tls(tls))
            .build()
            .start();
  }

  public String address() {
    return "127.0.0.1:" + server.port();
  }

  public PegasusHttpServer server() {
    return server;
  }

  public void host(HostedReplica... replicas) {
    host(List.of(replicas));
  }

  public void host(List<HostedReplica> replicas) {
    state.replace(ReplicaSnapshot.builder().putAll(replicas).build());
  }

  public PartitionCounters partition(Gpid gpid) {
    return replicaCounters.partition(gpid).orElseThrow();
  }

  /** Sets a RATE counter to read {@code perSecond} in the next snapshot. */
  public SimulatedReplica rate(Gpid gpid, ReplicaCounter which, double perSecond) {
    partition(gpid).rate(which).add(Math.round(perSecond * 10));
    return this;
  }

  /** Sets a NUMBER counter. */
  public SimulatedReplica number(Gpid gpid, ReplicaCounter which, long value) {
    partition(gpid).number(which).set(value);
    return this;
  }

  /** Sets a table's {@code backup_request_qps} to read {@code perSecond} in the next snapshot. */
  public SimulatedReplica backupRequestQps(String table, double perSecond) {
    replicaCounters.backupRequestQps(table).orElseThrow().add(Math.round(perSecond * 10));
    return this;
  }

  /** Ends a 10 s window: the bulk read now serves what was set since the previous one. */
  public void publishSnapshot() {
    nanos.addAndGet(WINDOW_NANOS);
    counters.takeSnapshot();
  }

  @Override
  public void close() {
    server.close();
  }
}
