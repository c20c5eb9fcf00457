package dev.pegasus.http.core.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A monotonic counter: a striped sum, so that concurrent increments do not contend; or a
 * callback that reads a monotonic total kept elsewhere (e.g. the JVM's GC count).
 */
public final class Counter extends Metric {

  private final LongAdder sum = new LongAdder();
  private final LongSupplier callback;

  Counter(MetricPrototype prototype, LongSupplier callback) {
    super(prototype);
    this.callback = callback;
  }

  /** Adds 1; not for a callback counter. */
  public void increment() {
    checkCountable();
    sum.increment();
  }

  /** Adds {@code n}, which must not be negative (a counter never goes down). */
  public void add(long n) {
    checkArgument(n >= 0, "counter %s cannot add %s", name(), n);
    checkCountable();
    sum.add(n);
  }

  /** The sum so far (the callback's total, for a callback counter). */
  public long value() {
    return callback != null ? callback.getAsLong() : sum.sum();
  }

  private void checkCountable() {
    checkState(callback == null, "counter %s reads a callback and cannot be added to", name());
  }
}
