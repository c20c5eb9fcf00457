package dev.pegasus.http.core.internal.metrics;

import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.metrics.MetricUnit;
import dev.pegasus.http.core.metrics.Percentile;
import java.util.ArrayList;
import java.util.List;

/**
 * A replica server's registry for the exposition benchmarks: {@code replicas} replica entities
 * (10 tables), each with 15 counters, 10 gauges and 5 percentiles of all five quantiles, so 50
 * series per replica (1,000 replicas: 50,000 series).
 */
public final class ExpositionFixture {

  static final List<MetricPrototype> COUNTERS = new ArrayList<>();
  static final List<MetricPrototype> GAUGES = new ArrayList<>();
  static final List<MetricPrototype> PERCENTILES = new ArrayList<>();

  static {
    String[] ops = {"get", "multi_get", "batch_get", "scan", "put", "multi_put", "remove",
        "multi_remove", "incr", "check_and_set", "check_and_mutate", "dup", "backup", "read_cu", "write_cu"};
    for (String op : ops) {
      COUNTERS.add(MetricPrototype.counter("replica", op + "_requests", MetricUnit.REQUESTS,
          "The number of " + op.toUpperCase() + " requests"));
    }
    for (int i = 0; i < 10; i++) {
      GAUGES.add(MetricPrototype.gauge("replica", "rdb_gauge_" + i + "_bytes", MetricUnit.BYTES,
          "A RocksDB gauge number " + i));
    }
    for (String op : new String[] {"get", "multi_get", "put", "multi_put", "scan"}) {
      PERCENTILES.add(MetricPrototype.percentile("replica", op + "_latency_ns", MetricUnit.NANOSECONDS,
          "The latency of " + op.toUpperCase() + " requests"));
    }
  }

  private ExpositionFixture() {}

  /** Fills {@code registry} with {@code replicas} replicas, every metric with a value. */
  public static void fill(MetricRegistry registry, int replicas) {
    for (int r = 0; r < replicas; r++) {
      int table = r % 10 + 1;
      int partition = r / 10;
      MetricEntity e = registry.entity("replica", "replica@" + table + "." + partition,
          ImmutableMap.of("table_id", Integer.toString(table), "partition_id", Integer.toString(partition)));
      long seed = r * 7919L;
      for (MetricPrototype p : COUNTERS) {
        e.counter(p).add(seed++ % 1_000_003);
      }
      for (MetricPrototype p : GAUGES) {
        e.gauge(p).set(seed++ * 31 % 10_000_019);
      }
      for (MetricPrototype p : PERCENTILES) {
        Percentile percentile = e.percentile(p);
        for (int i = 0; i < 64; i++) {
          percentile.record(1000 + (seed + i * 13) % 5000);
        }
        percentile.compute();
      }
    }
  }
}
