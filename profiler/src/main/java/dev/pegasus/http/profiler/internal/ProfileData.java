package dev.pegasus.http.profiler.internal;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;

/**
 * A profile independent of the engine that made it and of the wire format it is written in:
 * sample types, samples (stacks with one value per type), the sampling period and when and for
 * how long it was taken.
 */
public record ProfileData(
    ImmutableList<ValueType> sampleTypes,
    ImmutableList<Sample> samples,
    ValueType periodType,
    long period,
    long timeNanos,
    long durationNanos) {

  public ProfileData {
    for (Sample s : samples) {
      checkArgument(
          s.width() == sampleTypes.size(),
          "a sample has %s values for %s sample types",
          s.width(),
          sampleTypes.size());
    }
  }

  /** The sum of the values at this index over all samples. */
  public long total(int index) {
    long total = 0;
    for (Sample s : samples) {
      total += s.value(index);
    }
    return total;
  }
}
