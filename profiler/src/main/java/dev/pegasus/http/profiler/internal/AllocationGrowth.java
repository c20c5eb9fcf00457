package dev.pegasus.http.profiler.internal;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One server's cumulative allocation profile: every allocation sample of the process-wide
 * {@link SharedAllocationStream} since this subscription began, added up per stack (allocated
 * type as leaf) as {@code objects} (samples) and {@code space} (sum of JFR's weights, an estimate
 * of the bytes allocated). Bounded: beyond {@code maxStacks} distinct stacks, new ones are
 * counted under {@code [other stacks]}.
 */
public final class AllocationGrowth implements AutoCloseable {

  private static final ImmutableList<ValueType> TYPES =
      ImmutableList.of(new ValueType("objects", "count"), new ValueType("space", "bytes"));

  private final Clock clock;
  private final Instant since;
  private final StackCounts counts;
  private boolean closed;

  private AllocationGrowth(Clock clock, int maxStacks) {
    this.clock = clock;
    this.since = clock.instant();
    this.counts = new StackCounts(2, maxStacks);
  }

  /** Starts counting; the shared JFR stream starts with the first subscription of the process. */
  public static AllocationGrowth subscribe(Clock clock, int maxStacks) {
    AllocationGrowth growth = new AllocationGrowth(clock, maxStacks);
    SharedAllocationStream.subscribe(growth);
    return growth;
  }

  synchronized void add(List<Frame> stack, long weight) {
    if (!closed) {
      counts.add(stack, 1, Math.max(0, weight));
    }
  }

  /** Everything counted so far. */
  public synchronized ProfileData snapshot() {
    Instant now = clock.instant();
    return new ProfileData(
        TYPES,
        counts.samples(),
        new ValueType("space", "bytes"),
        1,
        since.getEpochSecond() * 1_000_000_000L + since.getNano(),
        Duration.between(since, now).toNanos());
  }

  /** Stops counting; the shared stream stops with the last subscription. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    SharedAllocationStream.unsubscribe(this);
  }
}
