package dev.pegasus.http.core.bench;

import dev.pegasus.http.core.CounterSnapshot;
import dev.pegasus.http.core.NumberCounter;
import dev.pegasus.http.core.PercentileCounter;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.RateCounter;
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

/** The counters' hot paths under two threads, and a snapshot of 10,000 counters. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CounterBenchmark {

  private PerfCounters counters;
  private NumberCounter number;
  private RateCounter rate;
  private PercentileCounter percentile;
  private PerfCounters large;

  @Setup
  public void setUp() {
    counters = new PerfCounters();
    number = counters.number("replica", "app.pegasus", "get_qps@1.0", "");
    rate = counters.rate("replica", "app.pegasus", "put_qps@1.0", "");
    percentile = counters.percentile("replica", "app.pegasus", "get_latency@1.0", "");
    large = new PerfCounters();
    for (int app = 0; app < 10; app++) {
      for (int p = 0; p < 1000; p++) {
        large.number("replica", "app.pegasus", "get_qps@" + app + "." + p, "").add(p);
      }
    }
  }

  @Benchmark
  @Threads(2)
  public void numberIncrement() {
    number.increment();
  }

  @Benchmark
  @Threads(2)
  public void rateIncrement() {
    rate.increment();
  }

  @Benchmark
  @Threads(2)
  public void percentileRecord() {
    percentile.record(1234);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public CounterSnapshot snapshotOf10kCounters() {
    return large.takeSnapshot();
  }
}
