package dev.pegasus.http.profiler.internal;

import com.google.common.collect.ImmutableList;
import java.util.List;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/** Converts JFR stack traces to {@link Frame}s, leaf first, with stable names. */
public final class JfrStacks {

  /** The root frame added to stacks JFR cut at its depth limit (64 frames by default). */
  public static final Frame TRUNCATED = Frame.named("[truncated]");

  private JfrStacks() {}

  /** The event's stack, leaf first; empty when it has none. */
  public static List<Frame> of(RecordedEvent event) {
    RecordedStackTrace trace = event.getStackTrace();
    if (trace == null) {
      return List.of();
    }
    List<RecordedFrame> frames = trace.getFrames();
    ImmutableList.Builder<Frame> out = ImmutableList.builderWithExpectedSize(frames.size() + 2);
    for (RecordedFrame f : frames) {
      RecordedMethod m = f.getMethod();
      if (m == null) {
        continue;
      }
      String className = FrameNames.className(m.getType().getName());
      out.add(
          new Frame(
              className + "." + m.getName(),
              FrameNames.sourceFile(className),
              Math.max(0, f.getLineNumber())));
    }
    if (trace.isTruncated()) {
      out.add(TRUNCATED);
    }
    return out.build();
  }

  /**
   * An allocation sample's stack with the allocated type as an extra leaf frame (the convention
   * of async-profiler and Pyroscope), so that profiles show what was allocated where.
   */
  public static List<Frame> allocation(RecordedEvent event) {
    RecordedClass type = event.getClass("objectClass");
    List<Frame> stack = of(event);
    if (type == null) {
      return stack;
    }
    return ImmutableList.<Frame>builderWithExpectedSize(stack.size() + 1)
        .add(Frame.named(FrameNames.className(type.getName())))
        .addAll(stack)
        .build();
  }
}
