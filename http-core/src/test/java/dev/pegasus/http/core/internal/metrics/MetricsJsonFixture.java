package dev.pegasus.http.core.internal.metrics;

import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.metrics.MetricUnit;
import dev.pegasus.http.core.metrics.Percentile;
import dev.pegasus.http.core.metrics.Quantile;
import java.util.EnumSet;

/**
 * The registry the {@code /metrics} JSON tests query: the reference's §2.3 replica {@code
 * replica@2.3}, §2.10's fixture ({@code my_replica}, {@code my_app}, {@code my_server} with a
 * p95+p99 percentile), an entity without metrics and one with a volatile counter.
 */
final class MetricsJsonFixture {

  static final MetricPrototype GET_REQUESTS =
      MetricPrototype.counter("replica", "get_requests", MetricUnit.REQUESTS, "The number of GET requests");
  static final MetricPrototype MULTI_GET_REQUESTS =
      MetricPrototype.counter("replica", "multi_get_requests", MetricUnit.REQUESTS, "The number of MULTI_GET requests");
  static final MetricPrototype PUT_REQUESTS =
      MetricPrototype.counter("replica", "put_requests", MetricUnit.REQUESTS, "The number of PUT requests");
  static final MetricPrototype GET_LATENCY =
      MetricPrototype.percentile("replica", "get_latency_ns", MetricUnit.NANOSECONDS, "The latency of GET requests");
  static final MetricPrototype SST_FILES =
      MetricPrototype.gauge("replica", "rdb_total_sst_files", MetricUnit.FILES, "The total number of rocksdb sst files");
  static final MetricPrototype SST_MB =
      MetricPrototype.gauge("replica", "rdb_total_sst_size_mb", MetricUnit.MEGABYTES, "The total size of rocksdb sst files");
  static final MetricPrototype ESTIMATED_KEYS =
      MetricPrototype.gauge("replica", "rdb_estimated_keys", MetricUnit.KEYS, "The estimated number of rocksdb keys");
  static final MetricPrototype MEMTABLE_BYTES =
      MetricPrototype.gauge("replica", "rdb_memtable_mem_usage_bytes", MetricUnit.BYTES, "The memory usage of rocksdb memtables");

  static final MetricPrototype REPLICA_GAUGE =
      MetricPrototype.gauge("my_replica", "test_replica_gauge_int64", MetricUnit.MILLISECONDS, "a replica gauge");
  static final MetricPrototype REPLICA_COUNTER =
      MetricPrototype.counter("my_replica", "test_replica_counter", MetricUnit.REQUESTS, "a replica counter");
  static final MetricPrototype APP_GAUGE =
      MetricPrototype.gauge("my_app", "test_app_gauge_int64", MetricUnit.BYTES, "an app gauge");
  static final MetricPrototype SERVER_PERCENTILE =
      MetricPrototype.percentile(
          "my_server",
          "test_server_percentile_int64",
          MetricUnit.NANOSECONDS,
          "a server percentile",
          EnumSet.of(Quantile.P95, Quantile.P99));
  static final MetricPrototype RECENT =
      MetricPrototype.volatileCounter("volatile", "recent_requests", MetricUnit.REQUESTS, "Requests since the last read");

  private MetricsJsonFixture() {}

  /** A new registry with every fixture entity. */
  static MetricRegistry registry() {
    MetricRegistry registry = new MetricRegistry();
    MetricEntity replica =
        registry.entity("replica", "replica@2.3", ImmutableMap.of("table_id", "2", "partition_id", "3"));
    replica.counter(GET_REQUESTS).add(1024);
    // p50 120000, p90 250000, p95 300000, p99 800000, p999 1500000 over 1000 samples (floor(n*q)).
    Percentile latency = replica.percentile(GET_LATENCY);
    for (int i = 0; i < 1000; i++) {
      latency.record(i <= 500 ? 120_000 : i <= 900 ? 250_000 : i <= 950 ? 300_000 : i <= 990 ? 800_000 : 1_500_000);
    }
    latency.compute();
    replica.counter(MULTI_GET_REQUESTS).add(7);
    replica.counter(PUT_REQUESTS).add(9);
    replica.gauge(SST_FILES).set(12);
    replica.gauge(SST_MB).set(345);
    replica.gauge(ESTIMATED_KEYS).set(100_000);
    replica.gauge(MEMTABLE_BYTES).set(1 << 20);

    for (String p : new String[] {"5.0", "5.1"}) {
      MetricEntity e =
          registry.entity("my_replica", "replica_" + p, ImmutableMap.of("table", "test_app_5", "partition", p));
      e.gauge(REPLICA_GAUGE).set(p.equals("5.0") ? 50 : 51);
      e.counter(REPLICA_COUNTER).add(p.equals("5.0") ? 500 : 501);
    }
    registry.entity("my_app", "app_5", ImmutableMap.of("table", "test_app_5")).gauge(APP_GAUGE).set(5);
    registry.entity("my_app", "app_6", ImmutableMap.of("table", "test_app_6")).gauge(APP_GAUGE).set(6);
    Percentile server =
        registry.entity("my_server", "server_116", ImmutableMap.of()).percentile(SERVER_PERCENTILE);
    for (int i = 1; i <= 100; i++) {
      server.record(i);
    }
    server.compute(); // p95 = sorted[95] = 96, p99 = sorted[99] = 100
    registry.entity("profiler", "task@RPC_NOT_PROFILED", ImmutableMap.of("task_name", "RPC_NOT_PROFILED"));
    registry.entity("volatile", "volatile@1", ImmutableMap.of()).volatileCounter(RECENT);
    return registry;
  }
}
