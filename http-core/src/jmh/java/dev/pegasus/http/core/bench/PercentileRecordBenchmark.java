package dev.pegasus.http.core.bench;

import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.metrics.MetricUnit;
import dev.pegasus.http.core.metrics.Percentile;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording one sample in a registry {@link Percentile} under two threads (target: a few tens of
 * ns): both threads into one percentile (a hot replica's latency, the contended case), and each
 * thread into its own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(2)
public class PercentileRecordBenchmark {

  static final MetricPrototype LATENCY =
      MetricPrototype.percentile("replica", "get_latency_ns", MetricUnit.NANOSECONDS, "The latency of GET requests");

  /** A percentile of its own replica entity in a fresh registry. */
  static Percentile percentile(String id) {
    return new MetricRegistry()
        .entity("replica", id, ImmutableMap.of("table_id", "1", "partition_id", "0"))
        .percentile(LATENCY);
  }

  /** One percentile both threads record into. */
  @State(Scope.Benchmark)
  public static class Shared {
    Percentile percentile;

    @Setup
    public void setUp() {
      percentile = percentile("replica@1.0");
    }
  }

  /** A percentile per thread. */
  @State(Scope.Thread)
  public static class Own {
    Percentile percentile;
    long sample = 100_000;

    @Setup
    public void setUp() {
      percentile = percentile("replica@1.0");
    }
  }

  @Benchmark
  public void recordShared(Shared shared, Own own) {
    shared.percentile.record(own.sample++);
  }

  @Benchmark
  public void recordOwn(Own own) {
    own.percentile.record(own.sample++);
  }
}
