package dev.pegasus.http.profiler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What JFR CPU sampling (what {@code /pprof/profile} runs) costs the threads it samples: two
 * threads doing CPU-bound work 24 frames deep (so each sample walks a realistic stack), with no
 * recording, with {@code jdk.ExecutionSample} every 10 ms (the default) and every 1 ms (the
 * fastest HotSpot samples). The ratio of the scores is the share of throughput kept. Unlike an
 * HTTP load test on a shared machine, it does not depend on what else runs.
 *
 * <pre>{@code bench/jmh.sh profiler ExecutionSampling -f 2 -wi 3 -i 5}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@Threads(2)
public class ExecutionSamplingBenchmark {

  @Param({"off", "10ms", "1ms"})
  String sampling;

  private Recording recording;

  @Setup(Level.Trial)
  public void startRecording() {
    if (!sampling.equals("off")) {
      recording = new Recording();
      recording.enable("jdk.ExecutionSample")
          .withPeriod(Duration.ofMillis(Long.parseLong(sampling.replace("ms", ""))));
      recording.start();
    }
  }

  @TearDown(Level.Trial)
  public void stopRecording() {
    if (recording != null) {
      recording.close();
    }
  }

  @Benchmark
  public long work() {
    return descend(24, 17);
  }

  private static long descend(int depth, long seed) {
    if (depth == 0) {
      long x = seed;
      for (int i = 0; i < 2_000; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
      return x;
    }
    return descend(depth - 1, seed + depth) ^ depth;
  }
}
