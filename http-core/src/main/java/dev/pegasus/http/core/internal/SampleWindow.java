package dev.pegasus.http.core.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latest samples of a percentile, new ones overwriting the oldest: what a 2.0 {@code
 * PercentileCounter} (5,000 samples) and a master {@code Percentile} (4,096) both keep. Recording
 * is lock-free (one atomic increment for the slot, one release store), and the ring is allocated
 * on the first sample, since a replica server defines thousands of these and many stay unused.
 */
public final class SampleWindow {

  private final int size;
  /** {@code size - 1} when the size is a power of two (a mask instead of a division), else -1. */
  private final int mask;
  private volatile AtomicLongArray ring;
  private final AtomicLong recorded = new AtomicLong();

  /** A window of the latest {@code size} samples. */
  public SampleWindow(int size) {
    checkArgument(size > 0, "a sample window needs a size, not %s", size);
    this.size = size;
    this.mask = Integer.bitCount(size) == 1 ? size - 1 : -1;
  }

  /** Records one sample. */
  public void record(long sample) {
    AtomicLongArray window = ring;
    if (window == null) {
      window = allocate();
    }
    long n = recorded.getAndIncrement();
    int slot = mask >= 0 ? (int) (n & mask) : (int) (n % size);
    window.lazySet(slot, sample);
  }

  private synchronized AtomicLongArray allocate() {
    if (ring == null) {
      ring = new AtomicLongArray(size);
    }
    return ring;
  }

  /**
   * A sorted copy of the first {@code min(recorded, size)} slots; empty before any sample.
   *
   * <p>Not a consistent cut: a sample being recorded meanwhile may have claimed its slot (the
   * count) without having stored into it yet, so that slot reads as its previous value (0 if it was
   * never written). Upstream's {@code percentile} reads its ring the same way; one stale slot in
   * up to 4,096 moves a quantile by at most one rank, and closing the gap would cost {@link
   * #record} a second atomic operation.
   */
  public long[] sortedSamples() {
    AtomicLongArray window = ring;
    int n = (int) Math.min(recorded.get(), size);
    if (n == 0 || window == null) {
      return new long[0];
    }
    long[] samples = new long[n];
    for (int i = 0; i < n; i++) {
      samples[i] = window.get(i);
    }
    Arrays.sort(samples);
    return samples;
  }

  /**
   * The sample Pegasus reports for quantile {@code q} of sorted {@code samples}: the k-th smallest
   * with k = floor(n*q) + 1, i.e. index floor(n*q), clamped to the last.
   */
  public static long quantile(long[] samples, double q) {
    return samples[Math.min(samples.length - 1, (int) Math.floor(samples.length * q))];
  }

  /** How many samples were recorded in all (not only those still in the window). */
  public long recorded() {
    return recorded.get();
  }
}
