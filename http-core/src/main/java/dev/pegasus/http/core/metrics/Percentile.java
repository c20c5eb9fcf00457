package dev.pegasus.http.core.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A percentile over the latest {@value #WINDOW} samples (new ones overwrite the oldest), as Pegasus
 * master's {@code percentile<int64_t>}: the registry recomputes the quantiles periodically (every
 * 10 s), reads return the last computation, and all quantiles stay 0 until the first one with a
 * sample. Samples never age out, so an idle percentile keeps its old values.
 *
 * <p>Recording is lock-free: one atomic increment for the slot and one release store. The window
 * (32 KiB) is allocated on the first sample, since a replica server defines thousands of these and
 * many are never used.
 */
public final class Percentile extends Metric {

  /** How many of the latest samples the quantiles are computed over (a power of two). */
  public static final int WINDOW = 4096;

  private static final int MASK = WINDOW - 1;

  private volatile AtomicLongArray ring;
  private final AtomicLong recorded = new AtomicLong();
  /** By {@link Quantile#ordinal()}; replaced as a whole so a read sees one computation. */
  private volatile long[] values = new long[Quantile.values().length];

  Percentile(MetricPrototype prototype) {
    super(prototype);
  }

  /** Records one sample, in the prototype's unit (e.g. nanoseconds for {@code *_latency_ns}). */
  public void record(long sample) {
    AtomicLongArray window = ring;
    if (window == null) {
      window = allocateWindow();
    }
    int slot = (int) (recorded.getAndIncrement() & MASK);
    window.lazySet(slot, sample);
  }

  private synchronized AtomicLongArray allocateWindow() {
    if (ring == null) {
      ring = new AtomicLongArray(WINDOW);
    }
    return ring;
  }

  /**
   * Recomputes the quantiles over the first {@code min(recorded, 4096)} slots: the k-th is the
   * element at index {@code floor(n * q)} of the sorted copy, as upstream. Nothing changes while
   * there are no samples.
   */
  public void compute() {
    AtomicLongArray window = ring;
    int n = (int) Math.min(recorded.get(), WINDOW);
    if (n == 0 || window == null) {
      return;
    }
    long[] samples = new long[n];
    for (int i = 0; i < n; i++) {
      samples[i] = window.get(i);
    }
    Arrays.sort(samples);
    long[] computed = new long[Quantile.values().length];
    for (Quantile q : prototype().quantiles()) {
      computed[q.ordinal()] = samples[Math.min(n - 1, (int) Math.floor(n * q.fraction()))];
    }
    values = computed;
  }

  /** The quantile as of the last computation; 0 before it or when this metric does not compute it. */
  public long value(Quantile quantile) {
    return values[quantile.ordinal()];
  }

  /** How many samples were recorded in all (not only those still in the window). */
  public long recordedCount() {
    return recorded.get();
  }
}
