package dev.pegasus.http.profiler.internal;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up values per distinct stack, in first-seen order. When a bound on distinct stacks is
 * reached, further new stacks are counted under one {@code [other stacks]} frame, so memory
 * stays bounded while totals stay right. Not thread-safe.
 */
public final class StackCounts {

  /** The frame that stands for stacks beyond the bound. */
  public static final Frame OTHER_STACKS = Frame.named("[other stacks]");

  private final int width;
  private final int maxStacks;
  private final Map<List<Frame>, long[]> counts = new LinkedHashMap<>();

  /** Counts {@code width} values per stack, for at most {@code maxStacks} distinct stacks. */
  public StackCounts(int width, int maxStacks) {
    this.width = width;
    this.maxStacks = maxStacks;
  }

  /** Unbounded. */
  public StackCounts(int width) {
    this(width, Integer.MAX_VALUE);
  }

  /** Adds {@code values} (one per value type) to the stack's counts. */
  public void add(List<Frame> stack, long... values) {
    long[] slot = counts.get(stack);
    if (slot == null) {
      List<Frame> key = counts.size() < maxStacks ? ImmutableList.copyOf(stack) : List.of(OTHER_STACKS);
      slot = counts.computeIfAbsent(key, k -> new long[width]);
    }
    for (int i = 0; i < width; i++) {
      slot[i] += values[i];
    }
  }

  public int size() {
    return counts.size();
  }

  /** The counts as samples. */
  public ImmutableList<Sample> samples() {
    ImmutableList.Builder<Sample> out = ImmutableList.builderWithExpectedSize(counts.size());
    counts.forEach((stack, values) -> out.add(new Sample(ImmutableList.copyOf(stack), values)));
    return out.build();
  }
}
