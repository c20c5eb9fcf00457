package dev.pegasus.http.core;

/**
 * A named counter in a {@link PerfCounters} registry. Its full name is {@code app*section*name},
 * e.g. {@code replica*app.pegasus*get_qps@1.3}. Updates are lock-free; what a read returns, and
 * whether it resets the counter, depends on the {@link CounterType}.
 */
public abstract sealed class PerfCounter
    permits NumberCounter, VolatileNumberCounter, RateCounter, PercentileCounter {

  private final String fullName;
  private final String description;

  PerfCounter(String fullName, String description) {
    this.fullName = fullName;
    this.description = description;
  }

  public final String fullName() {
    return fullName;
  }

  public final String description() {
    return description;
  }

  public abstract CounterType type();

  /**
   * Reads the counter live, with Pegasus's semantics: VOLATILE_NUMBER and RATE start again from
   * zero for the next live read (the periodic snapshot keeps its own starting point).
   */
  public abstract CounterReading read();

  /** The reading for the periodic snapshot, which live reads do not disturb. */
  CounterReading readForSnapshot() {
    return read();
  }

  final CounterReading valueReading(double value) {
    return new CounterReading(fullName, type(), description, value, 0, 0);
  }
}
