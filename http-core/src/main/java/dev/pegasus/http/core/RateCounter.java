package dev.pegasus.http.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A RATE counter: events per second since the previous read. As in Pegasus, a read within 0.1 s
 * of the previous one returns the previous rate instead of dividing by a tiny interval.
 */
public final class RateCounter extends PerfCounter {

  private static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final LongAdder events = new LongAdder();
  private final LongSupplier nanoClock;
  private long lastReadNanos;
  private double lastRate;

  RateCounter(String fullName, String description, LongSupplier nanoClock) {
    super(fullName, description);
    this.nanoClock = nanoClock;
    this.lastReadNanos = nanoClock.getAsLong();
  }

  @Override
  public CounterType type() {
    return CounterType.RATE;
  }

  public void increment() {
    events.increment();
  }

  public void add(long count) {
    events.add(count);
  }

  /** Events per second since the previous read; restarts the measurement. */
  public synchronized double takeRate() {
    long now = nanoClock.getAsLong();
    long elapsed = now - lastReadNanos;
    if (elapsed > MIN_INTERVAL_NANOS) {
      lastRate = events.sumThenReset() * 1e9 / elapsed;
      lastReadNanos = now;
    }
    return lastRate;
  }

  @Override
  public CounterReading read() {
    return valueReading(takeRate());
  }
}
