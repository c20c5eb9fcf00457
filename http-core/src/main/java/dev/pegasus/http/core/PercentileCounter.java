package dev.pegasus.http.core;

import dev.pegasus.http.core.internal.SampleWindow;

/**
 * A NUMBER_PERCENTILES counter: p99 and p999 over the last {@value #WINDOW} samples, recomputed
 * when the registry's period ticks (not on every read, as in Pegasus). Recording is lock-free and
 * the window is allocated on the first sample ({@link SampleWindow}).
 */
public final class PercentileCounter extends PerfCounter {

  /** How many of the latest samples the percentiles are computed over. */
  public static final int WINDOW = 5000;

  private final SampleWindow window = new SampleWindow(WINDOW);
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
    window.record(sample);
  }

  /** Recomputes p99 and p999 from the window; both stay 0 while there are no samples. */
  public void computePercentiles() {
    long[] samples = window.sortedSamples();
    if (samples.length == 0) {
      return;
    }
    p99 = SampleWindow.quantile(samples, 0.99);
    p999 = SampleWindow.quantile(samples, 0.999);
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
