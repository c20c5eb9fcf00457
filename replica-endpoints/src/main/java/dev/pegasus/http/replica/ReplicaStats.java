package dev.pegasus.http.replica;

import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A replica server's perf counters ({@link ReplicaCounters}) and master metrics ({@link
 * ReplicaMetrics}) kept together: one {@link #sync} follows what the server hosts in both, and
 * {@link #partition} gives the handle whose every update feeds both.
 *
 * <pre>{@code
 * ReplicaStats stats = new ReplicaStats(server.counters(), server.metrics());
 * state.subscribe(stats::sync);
 * stats.partition(new Gpid(2, 0)).orElseThrow().add(ReplicaCounter.GET_QPS, 1);
 * }</pre>
 */
public final class ReplicaStats {

  private final ReplicaCounters counters;
  private final ReplicaMetrics metrics;
  /** Each hosted partition's table, replaced as a whole so a reader never sees it half built. */
  private volatile Map<Gpid, String> tables = Map.of();

  /** The upstream counters ({@code replica*...}) in {@code perf} and the metrics in {@code registry}. */
  public ReplicaStats(PerfCounters perf, MetricRegistry registry) {
    this(new ReplicaCounters(perf), new ReplicaMetrics(registry));
  }

  /** These counters and metrics (e.g. counters of a chosen subset). */
  public ReplicaStats(ReplicaCounters counters, ReplicaMetrics metrics) {
    this.counters = counters;
    this.metrics = metrics;
  }

  /** Follows {@code snapshot} in the perf counters and in the metrics. */
  public synchronized void sync(ReplicaSnapshot snapshot) {
    counters.sync(snapshot);
    metrics.sync(snapshot);
    Map<Gpid, String> next = new HashMap<>();
    for (HostedReplica r : snapshot.replicas()) {
      next.put(r.gpid(), r.table());
    }
    tables = Map.copyOf(next);
  }

  /** The handle of a hosted partition, whose updates feed its perf counters and its metrics. */
  public Optional<PartitionStats> partition(Gpid gpid) {
    Optional<PartitionCounters> c = counters.partition(gpid);
    Optional<MetricEntity> e = metrics.replica(gpid);
    if (c.isEmpty() || e.isEmpty()) {
      return Optional.empty();
    }
    String table = tables.get(gpid);
    return Optional.of(
        new PartitionStats(c.get(), e.get(), table == null ? Optional.empty() : counters.backupRequestQps(table)));
  }

  /** The 2.0 perf counters this keeps in step with the metrics. */
  public ReplicaCounters counters() {
    return counters;
  }

  /** The master metrics this keeps in step with the perf counters, e.g. for a replica entity. */
  public ReplicaMetrics metrics() {
    return metrics;
  }
}
