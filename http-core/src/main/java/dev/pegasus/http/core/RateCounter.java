package dev.pegasus.http.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A RATE counter: events per second since the previous read. As in Pegasus, a read within 0.1 s
 * of the previous one returns the previous rate instead of dividing by a tiny interval. Live reads
 * ({@code /perfCounter}) and the periodic snapshot ({@code /perfCounters}, the Collector) each
 * measure from their own previous read, so neither disturbs the other.
 */
public final class RateCounter extends PerfCounter {

  private static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final LongAdder events = new LongAdder();
  private final LongSupplier nanoClock;
  private final Reader liveReads;
  private final Reader snapshots;

  /** One kind of reader's previous read. */
  private static final class Reader {
    private long lastEvents;
    private long lastNanos;
    private double lastRate;

    Reader(long nanos) {
      this.lastNanos = nanos;
    }

    synchronized double take(long eventsNow, long nanosNow) {
      long elapsed = nanosNow - lastNanos;
      if (elapsed > MIN_INTERVAL_NANOS) {
        lastRate = (eventsNow - lastEvents) * 1e9 / elapsed;
        lastEvents = eventsNow;
        lastNanos = nanosNow;
      }
      return lastRate;
    }
  }

  RateCounter(String fullName, String description, LongSupplier nanoClock) {
    super(fullName, description);
    this.nanoClock = nanoClock;
    long now = nanoClock.getAsLong();
    this.liveReads = new Reader(now);
    this.snapshots = new Reader(now);
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

  /** Events per second since the previous live read; restarts the live measurement. */
  public double takeRate() {
    return liveReads.take(events.sum(), nanoClock.getAsLong());
  }

  @Override
  public CounterReading read() {
    return valueReading(takeRate());
  }

  @Override
  CounterReading readForSnapshot() {
    return valueReading(snapshots.take(events.sum(), nanoClock.getAsLong()));
  }
}
