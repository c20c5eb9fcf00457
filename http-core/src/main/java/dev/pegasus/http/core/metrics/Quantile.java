package dev.pegasus.http.core.metrics;

/** A percentile a {@link Percentile} metric computes, in the order {@code /metrics} prints them. */
public enum Quantile {
  P50("p50", 0.50),
  P90("p90", 0.90),
  P95("p95", 0.95),
  P99("p99", 0.99),
  P999("p999", 0.999);

  private final String fieldName;
  private final double fraction;

  Quantile(String fieldName, double fraction) {
    this.fieldName = fieldName;
    this.fraction = fraction;
  }

  /** The field of a metric object in {@code /metrics}, e.g. {@code p999}. */
  public String fieldName() {
    return fieldName;
  }

  /** The quantile as a fraction, e.g. 0.999 (also the Prometheus {@code quantile} label). */
  public double fraction() {
    return fraction;
  }
}
