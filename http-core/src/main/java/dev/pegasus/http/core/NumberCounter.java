package dev.pegasus.http.core;

import java.util.concurrent.atomic.LongAdder;

/** A NUMBER counter: a gauge or running total that reads without side effects. */
public final class NumberCounter extends PerfCounter {

  private final LongAdder cells = new LongAdder();

  NumberCounter(String fullName, String description) {
    super(fullName, description);
  }

  @Override
  public CounterType type() {
    return CounterType.NUMBER;
  }

  public void increment() {
    cells.increment();
  }

  public void decrement() {
    cells.decrement();
  }

  public void add(long delta) {
    cells.add(delta);
  }

  /** Replaces the value; concurrent adds may land before or after, as in Pegasus. */
  public void set(long value) {
    cells.reset();
    cells.add(value);
  }

  public long value() {
    return cells.sum();
  }

  @Override
  public CounterReading read() {
    return valueReading(cells.sum());
  }
}
