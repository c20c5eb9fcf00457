package dev.pegasus.http.core.internal.metrics;

import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.metrics.MetricUnit;
import dev.pegasus.http.core.metrics.Percentile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code /metrics} JSON body of a replica server hosting 1,000 replicas ({@code
 * replica@<app>.<pidx>}, 10 tables of 100 partitions), each with 25 counters and gauges and 5
 * percentiles: 30,000 metrics, 50,000 series counting the 5 quantiles. Measures the body build
 * alone (the query parsed, the registry walked, the P-JSON written), not HTTP:
 *
 * <ul>
 *   <li>{@code fullDetail}: {@code ?detail=true}, what the Go collector asks every 10 s (target:
 *       under 50 ms);
 *   <li>{@code oneMetric}: {@code types=replica&metrics=get_requests}, {@code tenMetrics} with
 *       ten names, and {@code oneMetricOfOneTable} with {@code attributes=table_id,1} (a tenth of
 *       the entities), to show that the cost follows what is selected.
 * </ul>
 *
 * <p>Buffers are sized as the endpoint sizes them: an unfiltered body starts at the previous one's
 * size plus 1/16 (and is copied once to its exact length), a filtered one grows from small.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class MetricsJsonBenchmark {

  static final String[] COUNTERS = {
    "get_requests", "multi_get_requests", "batch_get_requests", "scan_requests", "put_requests",
    "multi_put_requests", "remove_requests", "multi_remove_requests", "incr_requests",
    "check_and_set_requests", "check_and_mutate_requests", "dup_requests", "read_capacity_units",
    "write_capacity_units", "read_expired_values",
  };
  static final String[] GAUGES = {
    "rdb_total_sst_size_mb", "rdb_total_sst_files", "rdb_estimated_keys",
    "rdb_index_and_filter_blocks_mem_usage_bytes", "rdb_memtable_mem_usage_bytes",
    "rdb_block_cache_hit_count", "rdb_block_cache_total_count", "rdb_memtable_hit_count",
    "rdb_l0_hit_count", "rdb_l1_hit_count",
  };
  static final String[] PERCENTILES = {
    "get_latency_ns", "multi_get_latency_ns", "put_latency_ns", "multi_put_latency_ns", "scan_latency_ns",
  };

  /** What a GET reads with. */
  private static final MetricsJsonBody.ReadMode RESET = MetricsJsonBody.ReadMode.RESET;

  private MetricRegistry registry;
  private MetricsJsonBody.Header header;
  private MetricsQuery full;
  private MetricsQuery one;
  private MetricsQuery ten;
  private MetricsQuery oneOfOneTable;
  private int fullSize;

  /** A registry as a replica server of 1,000 replicas has it (also used by the record benchmark). */
  static MetricRegistry replicaServer() {
    List<MetricPrototype> prototypes = new ArrayList<>();
    for (String name : COUNTERS) {
      prototypes.add(MetricPrototype.counter("replica", name, MetricUnit.REQUESTS, "The number of " + name));
    }
    for (String name : GAUGES) {
      prototypes.add(MetricPrototype.gauge("replica", name, MetricUnit.BYTES, "The current " + name));
    }
    for (String name : PERCENTILES) {
      prototypes.add(MetricPrototype.percentile("replica", name, MetricUnit.NANOSECONDS, "The latency of " + name));
    }
    MetricRegistry registry = new MetricRegistry();
    SplittableRandom random = new SplittableRandom(42);
    for (int app = 1; app <= 10; app++) {
      for (int pidx = 0; pidx < 100; pidx++) {
        MetricEntity replica =
            registry.entity(
                "replica",
                "replica@" + app + "." + pidx,
                ImmutableMap.of("table_id", String.valueOf(app), "partition_id", String.valueOf(pidx)));
        for (MetricPrototype p : prototypes) {
          switch (p.type()) {
            case COUNTER -> replica.counter(p).add(random.nextLong(1_000_000_000L));
            case GAUGE -> replica.gauge(p).set(random.nextLong(1_000_000_000L));
            case PERCENTILE -> {
              Percentile latency = replica.percentile(p);
              for (int i = 0; i < 64; i++) {
                latency.record(100_000 + random.nextLong(10_000_000L));
              }
            }
            default -> throw new AssertionError(p);
          }
        }
      }
    }
    registry.computePercentiles();
    return registry;
  }

  @Setup
  public void setUp() throws MetricsQuery.Invalid {
    registry = replicaServer();
    header = new MetricsJsonBody.Header("onebox", "replica", "node-1", 34801, 1_718_000_000_123_456_789L);
    full = MetricsQuery.parse(Map.of("detail", "true"));
    one = MetricsQuery.parse(Map.of("types", "replica", "metrics", "get_requests"));
    ten =
        MetricsQuery.parse(
            Map.of(
                "types", "replica",
                "metrics",
                    "get_requests,multi_get_requests,batch_get_requests,scan_requests,put_requests,"
                        + "multi_put_requests,remove_requests,multi_remove_requests,incr_requests,"
                        + "check_and_set_requests"));
    oneOfOneTable =
        MetricsQuery.parse(Map.of("types", "replica", "attributes", "table_id,1", "metrics", "get_requests"));
    fullSize = MetricsJsonBody.write(header, registry.entities(), full, 0, RESET).length;
    int oneSize = MetricsJsonBody.write(header, registry.entities(), one, 0, RESET).length;
    int tenSize = MetricsJsonBody.write(header, registry.entities(), ten, 0, RESET).length;
    int oneOfOneTableSize = MetricsJsonBody.write(header, registry.entities(), oneOfOneTable, 0, RESET).length;
    System.out.printf(
        "%n/metrics?detail=true: %,d bytes; one metric: %,d bytes; ten metrics: %,d bytes;"
            + " one metric of one table: %,d bytes%n",
        fullSize, oneSize, tenSize, oneOfOneTableSize);
  }

  @Benchmark
  public byte[] fullDetail() {
    return MetricsJsonBody.write(header, registry.entities(), full, fullSize + fullSize / 16, RESET);
  }

  /** The same without a size guess: the buffer grows by doubling (what the first request costs). */
  @Benchmark
  public byte[] fullDetailUnsized() {
    return MetricsJsonBody.write(header, registry.entities(), full, 0, RESET);
  }

  @Benchmark
  public byte[] oneMetric() {
    return MetricsJsonBody.write(header, registry.entities(), one, 0, RESET);
  }

  @Benchmark
  public byte[] tenMetrics() {
    return MetricsJsonBody.write(header, registry.entities(), ten, 0, RESET);
  }

  @Benchmark
  public byte[] oneMetricOfOneTable() {
    return MetricsJsonBody.write(header, registry.entities(), oneOfOneTable, 0, RESET);
  }
}
