package dev.pegasus.http.core;

/**
 * One read of a counter: {@code value} for NUMBER, VOLATILE_NUMBER and RATE, {@code p99} and
 * {@code p999} for NUMBER_PERCENTILES (the unused fields are zero).
 */
public record CounterReading(
    String name, CounterType type, String description, double value, double p99, double p999) {

  /** True for a percentile reading, which is shown as p99/p999 instead of value. */
  public boolean isPercentile() {
    return type == CounterType.NUMBER_PERCENTILES;
  }
}
