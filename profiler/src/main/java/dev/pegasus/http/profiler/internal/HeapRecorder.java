package dev.pegasus.http.profiler.internal;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Records a heap profile over a window: {@code alloc_objects/alloc_space} per stack from JFR's
 * {@code jdk.ObjectAllocationSample} during the window (samples, and the sum of their weights,
 * an estimate of the bytes allocated; the allocated type is the leaf frame), and {@code
 * inuse_objects/inuse_space} per class from the class histogram taken at its end (one
 * single-frame stack per class: JFR cannot tell where live objects were allocated).
 */
public final class HeapRecorder {

  static final String EVENT = "jdk.ObjectAllocationSample";

  /** How the heap window is taken. */
  public record Settings(int samplesPerSecond, boolean liveHistogram, int maxClasses) {}

  private HeapRecorder() {}

  /** Records for {@code length}, unless cancelled first, then takes the class histogram. */
  public static ProfileData record(Duration length, Settings settings, Cancellation cancellation)
      throws RecordingCancelledException {
    StackCounts counts = new StackCounts(4);
    JfrWindow.Result window =
        JfrWindow.record(
            "pegasus-pprof-heap",
            r -> r.enable(EVENT).with("throttle", settings.samplesPerSecond() + "/s"),
            Set.of(EVENT),
            length,
            cancellation,
            e -> counts.add(JfrStacks.allocation(e), 1, Math.max(0, e.getLong("weight")), 0, 0));
    for (ClassHistogram.Entry c :
        ClassHistogram.take(settings.liveHistogram(), settings.maxClasses())) {
      if (c.instances() > 0) {
        counts.add(List.of(Frame.named(c.className())), 0, 0, c.instances(), c.bytes());
      }
    }
    return new ProfileData(
        ImmutableList.of(
            new ValueType("alloc_objects", "count"),
            new ValueType("alloc_space", "bytes"),
            new ValueType("inuse_objects", "count"),
            new ValueType("inuse_space", "bytes")),
        counts.samples(),
        new ValueType("space", "bytes"),
        1,
        CpuRecorder.epochNanos(window),
        window.duration().toNanos());
  }
}
