package dev.pegasus.http.core.metrics;

/** The kind of a metric, with the name Pegasus master prints in {@code /metrics}. */
public enum MetricType {
  /** A current value, set by its owner or read from a callback. */
  GAUGE("Gauge"),
  /** A monotonic sum. */
  COUNTER("Counter"),
  /** A sum that every read returns and resets. */
  VOLATILE_COUNTER("VolatileCounter"),
  /** p50…p999 over the latest samples, recomputed periodically. */
  PERCENTILE("Percentile");

  private final String wireName;

  MetricType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in {@code /metrics} bodies, e.g. {@code VolatileCounter}. */
  public String wireName() {
    return wireName;
  }
}
