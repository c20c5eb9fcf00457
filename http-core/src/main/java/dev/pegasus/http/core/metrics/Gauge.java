package dev.pegasus.http.core.metrics;

import static com.google.common.base.Preconditions.checkState;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** An int64 gauge: set by its owner, or read from a callback on every read. */
public final class Gauge extends Metric {

  private final AtomicLong value = new AtomicLong();
  private final LongSupplier callback;

  Gauge(MetricPrototype prototype, LongSupplier callback) {
    super(prototype);
    this.callback = callback;
  }

  /** The current value (the callback's, for a callback gauge). */
  public long value() {
    return callback != null ? callback.getAsLong() : value.get();
  }

  /** Sets the value. */
  public void set(long newValue) {
    checkSettable();
    value.set(newValue);
  }

  /** Adds {@code delta} (which may be negative). */
  public void add(long delta) {
    checkSettable();
    value.addAndGet(delta);
  }

  /** Adds 1; not for a callback gauge. */
  public void increment() {
    add(1);
  }

  /** Subtracts 1; not for a callback gauge. */
  public void decrement() {
    add(-1);
  }

  private void checkSettable() {
    checkState(callback == null, "gauge %s reads a callback and cannot be set", name());
  }
}
