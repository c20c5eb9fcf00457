package dev.pegasus.http.profiler.internal;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.Set;

/**
 * Records a CPU profile with JFR's {@code jdk.ExecutionSample}: every sampling period JFR walks
 * the stacks of up to five threads that run Java code (threads in native code or blocked are
 * not sampled). Sample types {@code samples/count} and {@code cpu/nanoseconds} (= samples ×
 * period).
 */
public final class CpuRecorder {

  static final String EVENT = "jdk.ExecutionSample";

  private CpuRecorder() {}

  /** Records for {@code length} at {@code period}, unless cancelled first. */
  public static ProfileData record(Duration length, Duration period, Cancellation cancellation)
      throws RecordingCancelledException {
    StackCounts counts = new StackCounts(2);
    long periodNanos = period.toNanos();
    JfrWindow.Result window =
        JfrWindow.record(
            "pegasus-pprof-cpu",
            r -> r.enable(EVENT).withPeriod(period),
            Set.of(EVENT),
            length,
            cancellation,
            e -> counts.add(JfrStacks.of(e), 1, periodNanos));
    return new ProfileData(
        ImmutableList.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds")),
        counts.samples(),
        new ValueType("cpu", "nanoseconds"),
        periodNanos,
        epochNanos(window),
        window.duration().toNanos());
  }

  static long epochNanos(JfrWindow.Result window) {
    return window.start().getEpochSecond() * 1_000_000_000L + window.start().getNano();
  }
}
