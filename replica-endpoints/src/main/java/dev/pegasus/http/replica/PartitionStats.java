package dev.pegasus.http.replica;

import static com.google.common.base.Preconditions.checkArgument;

import dev.pegasus.http.core.CounterType;
import dev.pegasus.http.core.RateCounter;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.MetricType;
import dev.pegasus.http.replica.spi.Gpid;
import java.util.Optional;

/**
 * What the host updates when a hosted partition serves something: one call updates the Pegasus
 * 2.0 perf counter and its master twin ({@link ReplicaPrototypes#twinOf}), so the two never
 * disagree. {@code add(GET_QPS, 12)} adds 12 to the {@code get_qps} rate and to the {@code
 * get_requests} counter; {@code record(GET_LATENCY, ns)} records in both percentiles; {@code
 * set(SST_MB, 512)} sets both gauges. Obtained from {@link ReplicaStats#partition}.
 *
 * <pre>{@code
 * PartitionStats p = stats.partition(new Gpid(2, 0)).orElseThrow();
 * p.add(ReplicaCounter.GET_QPS, 12);            // get_qps and get_requests
 * p.add(ReplicaCounter.GET_BYTES, 12 * 256);    // get_bytes (rate) and get_bytes (counter)
 * p.add(ReplicaCounter.RECENT_READ_CU, 12);     // recent.read.cu and read_capacity_units
 * p.record(ReplicaCounter.GET_LATENCY, 350_000); // get_latency and get_latency_ns
 * p.set(ReplicaCounter.SST_MB, 512);            // disk.storage.sst(MB) and rdb_total_sst_size_mb
 * }</pre>
 *
 * <p>A perf counter the host chose not to register ({@code new ReplicaCounters(registry, app,
 * subset)}) is skipped; its metric is still updated.
 */
public final class PartitionStats {

  private final PartitionCounters counters;
  private final MetricEntity replica;
  private final Optional<RateCounter> backupRequestQps;

  PartitionStats(PartitionCounters counters, MetricEntity replica, Optional<RateCounter> backupRequestQps) {
    this.counters = counters;
    this.replica = replica;
    this.backupRequestQps = backupRequestQps;
  }

  /** The partition this handle updates. */
  public Gpid gpid() {
    return counters.gpid();
  }

  /**
   * Counts {@code n} more of what a RATE, VOLATILE_NUMBER or NUMBER counter counts (requests,
   * bytes, capacity units, lookups…). {@code n} must not be negative when the twin is a Counter.
   */
  public void add(ReplicaCounter which, long n) {
    MetricPrototype twin = ReplicaPrototypes.twinOf(which);
    checkArgument(which.type() != CounterType.NUMBER_PERCENTILES, "%s is a percentile: record its samples", which);
    checkArgument(n >= 0 || twin.type() != MetricType.COUNTER, "%s cannot count %s (a counter never goes down)", which, n);
    if (counters.has(which)) {
      switch (which.type()) {
        case RATE -> counters.rate(which).add(n);
        case VOLATILE_NUMBER -> counters.volatileNumber(which).add(n);
        case NUMBER -> counters.number(which).add(n);
        case NUMBER_PERCENTILES -> throw new AssertionError(which);
      }
    }
    if (twin.type() == MetricType.COUNTER) {
      replica.counter(twin).add(n);
    } else {
      replica.gauge(twin).add(n);
    }
  }

  /** {@code add(which, 1)}. */
  public void increment(ReplicaCounter which) {
    add(which, 1);
  }

  /** Sets a NUMBER counter (a size, a count of keys or files) and its gauge twin. */
  public void set(ReplicaCounter which, long value) {
    checkArgument(which.type() == CounterType.NUMBER, "%s is a %s counter, not a NUMBER", which, which.type().wireName());
    if (counters.has(which)) {
      counters.number(which).set(value);
    }
    replica.gauge(ReplicaPrototypes.twinOf(which)).set(value);
  }

  /** Records one sample (nanoseconds for the latencies) in a PERCENTILE counter and its twin. */
  public void record(ReplicaCounter which, long sample) {
    checkArgument(
        which.type() == CounterType.NUMBER_PERCENTILES, "%s is a %s counter, not a percentile", which, which.type().wireName());
    if (counters.has(which)) {
      counters.percentile(which).record(sample);
    }
    replica.percentile(ReplicaPrototypes.twinOf(which)).record(sample);
  }

  /** The current value of a NUMBER counter's gauge twin (the same as the counter's). */
  public long value(ReplicaCounter which) {
    checkArgument(which.type() == CounterType.NUMBER, "%s is a %s counter, not a NUMBER", which, which.type().wireName());
    return replica.gauge(ReplicaPrototypes.twinOf(which)).value();
  }

  /**
   * Counts {@code n} backup requests (reads a client sent to a secondary): the table's {@code
   * backup_request_qps@<table>} rate and this replica's {@code backup_requests}.
   */
  public void addBackupRequests(long n) {
    checkArgument(n >= 0, "cannot count %s backup requests", n);
    backupRequestQps.ifPresent(r -> r.add(n));
    replica.counter(ReplicaPrototypes.BACKUP_REQUESTS).add(n);
  }

  /** The partition's perf counters, to read them. */
  public PartitionCounters counters() {
    return counters;
  }

  /** The partition's {@code replica} entity, for metrics without a perf counter twin. */
  public MetricEntity metrics() {
    return replica;
  }
}
