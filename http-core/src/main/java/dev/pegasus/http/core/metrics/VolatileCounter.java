package dev.pegasus.http.core.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A counter that every read resets, as Pegasus master's {@code volatile_counter}: any request that
 * selects it, from any client, takes the sum since the previous read.
 */
public final class VolatileCounter extends Metric {

  private final LongAdder sum = new LongAdder();

  VolatileCounter(MetricPrototype prototype) {
    super(prototype);
  }

  /** Adds 1 to the sum the next read takes. */
  public void increment() {
    sum.increment();
  }

  /** Adds {@code n} to the sum the next read takes. */
  public void add(long n) {
    sum.add(n);
  }

  /**
   * The sum since the previous {@link #fetchAndReset}, without resetting it: what the Prometheus
   * exposition shows, so that a scrape does not steal the reset from a JSON client.
   */
  public long peek() {
    return sum.sum();
  }

  /** The sum since the previous read, and resets it to 0. */
  public long fetchAndReset() {
    return sum.sumThenReset();
  }
}
