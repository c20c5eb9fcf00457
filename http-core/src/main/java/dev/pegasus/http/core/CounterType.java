package dev.pegasus.http.core;

/** The four perf-counter types of Pegasus, each with the name {@code /perfCounter} shows. */
public enum CounterType {
  /** A gauge or running total; reading has no side effects. */
  NUMBER("NUMBER"),
  /** A sum since the previous read; each read resets it to zero. */
  VOLATILE_NUMBER("VOLATILE_NUMBER"),
  /** Events per second since the previous read; each read restarts the measurement. */
  RATE("RATE"),
  /** p99 and p999 over the last 5,000 samples, recomputed on the counters' period. */
  NUMBER_PERCENTILES("PERCENTILE");

  private final String wireName;

  CounterType(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code type} string on the wire; {@code PERCENTILE} for {@link #NUMBER_PERCENTILES}. */
  public String wireName() {
    return wireName;
  }
}
