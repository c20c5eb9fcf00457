package dev.pegasus.http.profiler.internal;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** Small hand-made profiles for the writer tests. */
final class ProfileFixtures {

  static final Frame ALPHA = new Frame("app.Work.alpha", "app/Work.java", 12);
  static final Frame BETA = new Frame("app.Work.beta", "app/Work.java", 30);
  static final Frame RUN = new Frame("java.lang.Thread.run", "java/lang/Thread.java", 833);
  static final Frame BYTES = Frame.named("byte[]");

  private ProfileFixtures() {}

  static ProfileData cpu() {
    return new ProfileData(
        ImmutableList.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds")),
        ImmutableList.of(
            sample(List.of(ALPHA, RUN), 3, 30_000_000),
            sample(List.of(BETA, RUN), 2, 20_000_000),
            sample(List.of(ALPHA, RUN), 1, 10_000_000)),
        new ValueType("cpu", "nanoseconds"),
        10_000_000,
        1_700_000_000_000_000_000L,
        2_000_000_000L);
  }

  static ProfileData heap() {
    return new ProfileData(
        ImmutableList.of(
            new ValueType("alloc_objects", "count"),
            new ValueType("alloc_space", "bytes"),
            new ValueType("inuse_objects", "count"),
            new ValueType("inuse_space", "bytes")),
        ImmutableList.of(
            sample(List.of(BYTES, ALPHA, RUN), 7, 7_000_000, 0, 0),
            sample(List.of(BYTES), 0, 0, 40, 2_621_440),
            // Bytes without objects would be rejected by the clients: written as 1 object.
            sample(List.of(Frame.named("java.lang.String"), BETA), 0, 96, 0, 0),
            sample(List.of(Frame.named("nothing")), 0, 0, 0, 0)),
        new ValueType("space", "bytes"),
        1,
        1_700_000_000_000_000_000L,
        1_000_000_000L);
  }

  static ProfileData growth() {
    return new ProfileData(
        ImmutableList.of(new ValueType("objects", "count"), new ValueType("space", "bytes")),
        ImmutableList.of(sample(List.of(BYTES, ALPHA, RUN), 5, 5120), sample(List.of(BYTES, BETA), 1, 1024)),
        new ValueType("space", "bytes"),
        1,
        1_700_000_000_000_000_000L,
        60_000_000_000L);
  }

  static Sample sample(List<Frame> stack, long... values) {
    return new Sample(ImmutableList.copyOf(stack), values);
  }
}
