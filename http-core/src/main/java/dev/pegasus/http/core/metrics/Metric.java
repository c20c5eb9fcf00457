package dev.pegasus.http.core.metrics;

/**
 * One metric of one entity. Updates are lock-free; reads see the latest value (percentiles: as
 * of their last computation).
 */
public abstract sealed class Metric permits Gauge, Counter, VolatileCounter, Percentile {

  private final MetricPrototype prototype;

  Metric(MetricPrototype prototype) {
    this.prototype = prototype;
  }

  /** The definition this metric was made from. */
  public final MetricPrototype prototype() {
    return prototype;
  }

  /** Shorthand for {@code prototype().name()}. */
  public final String name() {
    return prototype.name();
  }

  @Override
  public String toString() {
    return prototype.toString();
  }
}
