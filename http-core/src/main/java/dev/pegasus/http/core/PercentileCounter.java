package dev.pegasus.http.core;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A NUMBER_PERCENTILES counter: p99 and p999 over the last {@value #WINDOW} samples, recomputed
 * when the registry's period ticks (not on every read, as in Pegasus). Recording is lock-free; the
 * sample window is allocated on the first sample, since a replica server registers thousands of
 * these and many are never used.
 */
public final class PercentileCounter extends PerfCounter {

  /** How many of the latest samples the percentiles are computed over. */
  public static final int WINDOW = 5000;

  private volatile AtomicLongArray ring;
  private final AtomicLong recorded = new AtomicLong();
  private volatile double p99;
  private volatile double p999;

  PercentileCounter(String fullName, String description) {
    super(fullName, description);
  }

  @Override
  public CounterType type() {
    return CounterType.NUMBER_PERCENTILES;
  }

  /** Records one sample, e.g. a latency in nanoseconds. */
  public void record(long sample) {
    AtomicLongArray window = ring;
    if (window == null) {
      window = allocateWindow();
    }
    long slot = recorded.getAndIncrement();
    window.set((int) (slot % WINDOW), sample);
  }

  private synchronized AtomicLongArray allocateWindow() {
    if (ring == null) {
      ring = new AtomicLongArray(WINDOW);
    }
    return ring;
  }

  /** Recomputes p99 and p999 from the window; both stay 0 while there are no samples. */
  public void computePercentiles() {
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
    p99 = samples[kthSmallestIndex(n, 0.99)];
    p999 = samples[kthSmallestIndex(n, 0.999)];
  }

  /** Pegasus takes the k-th smallest with k = floor(n*q) + 1, i.e. index floor(n*q). */
  private static int kthSmallestIndex(int n, double q) {
    return Math.min(n - 1, (int) Math.floor(n * q));
  }

  public double p99() {
    return p99;
  }

  public double p999() {
    return p999;
  }

  @Override
  public CounterReading read() {
    return new CounterReading(fullName(), type(), description(), 0, p99, p999);
  }
}
