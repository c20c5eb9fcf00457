package dev.pegasus.http.core.metrics;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The definition of a metric, shared by every entity that has it, as Pegasus master's {@code
 * METRIC_DEFINE_*} macros declare them: the entity type it belongs to, its name, kind, unit and
 * description (and, for a percentile, which quantiles it computes). Define prototypes once, as
 * constants:
 *
 * <pre>{@code
 * static final MetricPrototype GET_REQUESTS =
 *     MetricPrototype.counter("replica", "get_requests", MetricUnit.REQUESTS, "The number of GET requests");
 * }</pre>
 */
public final class MetricPrototype {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private final String entityType;
  private final String name;
  private final MetricType type;
  private final MetricUnit unit;
  private final String description;
  private final Set<Quantile> quantiles;

  private MetricPrototype(
      String entityType,
      String name,
      MetricType type,
      MetricUnit unit,
      String description,
      Set<Quantile> quantiles) {
    checkArgument(NAME.matcher(entityType).matches(), "bad entity type: \"%s\"", entityType);
    checkArgument(NAME.matcher(name).matches(), "bad metric name: \"%s\"", name);
    this.entityType = entityType;
    this.name = name;
    this.type = type;
    this.unit = Objects.requireNonNull(unit, "unit");
    this.description = Objects.requireNonNull(description, "description");
    this.quantiles = quantiles;
  }

  /** A gauge: an int64 value its owner sets, or a callback reads. */
  public static MetricPrototype gauge(String entityType, String name, MetricUnit unit, String description) {
    return new MetricPrototype(entityType, name, MetricType.GAUGE, unit, description, Set.of());
  }

  /** A monotonic counter. */
  public static MetricPrototype counter(String entityType, String name, MetricUnit unit, String description) {
    return new MetricPrototype(entityType, name, MetricType.COUNTER, unit, description, Set.of());
  }

  /** A counter that every read returns and resets. */
  public static MetricPrototype volatileCounter(
      String entityType, String name, MetricUnit unit, String description) {
    return new MetricPrototype(entityType, name, MetricType.VOLATILE_COUNTER, unit, description, Set.of());
  }

  /** A percentile computing all five quantiles (p50, p90, p95, p99, p999), as every Pegasus one does. */
  public static MetricPrototype percentile(
      String entityType, String name, MetricUnit unit, String description) {
    return percentile(entityType, name, unit, description, EnumSet.allOf(Quantile.class));
  }

  /** A percentile computing only these quantiles (printed in {@link Quantile} order). */
  public static MetricPrototype percentile(
      String entityType, String name, MetricUnit unit, String description, Set<Quantile> quantiles) {
    checkArgument(!quantiles.isEmpty(), "percentile %s computes no quantile", name);
    return new MetricPrototype(
        entityType, name, MetricType.PERCENTILE, unit, description, Sets.immutableEnumSet(quantiles));
  }

  /** The type of entity that has this metric, e.g. {@code replica}. */
  public String entityType() {
    return entityType;
  }

  /** The metric's name, e.g. {@code get_requests}. */
  public String name() {
    return name;
  }

  /** The kind: gauge, counter, volatile counter or percentile (the {@code type} field). */
  public MetricType type() {
    return type;
  }

  /** What the values count or measure (the {@code unit} field), e.g. {@code NanoSeconds}. */
  public MetricUnit unit() {
    return unit;
  }

  /** The description, the {@code desc} field of {@code /metrics}. */
  public String description() {
    return description;
  }

  /** The quantiles of a percentile, in printing order; empty for other kinds. */
  public Set<Quantile> quantiles() {
    return quantiles;
  }

  @Override
  public String toString() {
    return entityType + "/" + name + " (" + type.wireName() + ")";
  }
}
