package dev.pegasus.http.core;

import java.util.concurrent.atomic.LongAdder;

/** A VOLATILE_NUMBER counter: the sum of what was added since the previous read. */
public final class VolatileNumberCounter extends PerfCounter {

  private final LongAdder cells = new LongAdder();

  VolatileNumberCounter(String fullName, String description) {
    super(fullName, description);
  }

  @Override
  public CounterType type() {
    return CounterType.VOLATILE_NUMBER;
  }

  public void increment() {
    cells.increment();
  }

  public void add(long delta) {
    cells.add(delta);
  }

  /** Returns the sum since the previous read and starts again from zero. */
  public long takeValue() {
    return cells.sumThenReset();
  }

  @Override
  public CounterReading read() {
    return valueReading(takeValue());
  }
}
