package dev.pegasus.http.profiler.internal;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;

/** One stack (leaf first) with one value per sample type of its profile. */
public record Sample(ImmutableList<Frame> stack, long[] values) {

  public Sample {
    values = values.clone();
  }

  @Override
  public long[] values() {
    return values.clone();
  }

  /** The number of values. */
  public int width() {
    return values.length;
  }

  /** The value at this index, without copying. */
  public long value(int index) {
    return values[index];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sample s && stack.equals(s.stack) && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return stack.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return stack + "=" + Arrays.toString(values);
  }
}
