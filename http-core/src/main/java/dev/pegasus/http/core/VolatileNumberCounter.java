package dev.pegasus.http.core;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A VOLATILE_NUMBER counter: the sum of what was added since the previous read. As in Pegasus a
 * read starts the sum again from zero, but for its own kind of reader only: live reads ({@code
 * /perfCounter}) and the periodic snapshot ({@code /perfCounters}, the Collector) each keep their
 * own starting point, so a person curling a counter never takes increments from the Collector.
 */
public final class VolatileNumberCounter extends PerfCounter {

  private final LongAdder total = new LongAdder();
  private final AtomicLong takenByLiveReads = new AtomicLong();
  private final AtomicLong takenBySnapshots = new AtomicLong();

  VolatileNumberCounter(String fullName, String description) {
    super(fullName, description);
  }

  @Override
  public CounterType type() {
    return CounterType.VOLATILE_NUMBER;
  }

  public void increment() {
    total.increment();
  }

  public void add(long delta) {
    total.add(delta);
  }

  /** Returns the sum since the previous live read and starts the live sum again from zero. */
  public long takeValue() {
    return take(takenByLiveReads);
  }

  private long take(AtomicLong taken) {
    long now = total.sum();
    return now - taken.getAndSet(now);
  }

  @Override
  public CounterReading read() {
    return valueReading(takeValue());
  }

  @Override
  CounterReading readForSnapshot() {
    return valueReading(take(takenBySnapshots));
  }
}
