package dev.pegasus.http.core.metrics;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Something that has metrics, as Pegasus master's {@code metric_entity}: a type ({@code server},
 * {@code replica}, {@code table}, …), an id unique in its registry ({@code replica@2.3}) and
 * string attributes ({@code table_id=2}, {@code partition_id=3}). Metrics are created from
 * prototypes on first use and listed in creation order.
 *
 * <pre>{@code
 * MetricEntity replica = registry.entity("replica", "replica@2.3",
 *     ImmutableMap.of("table_id", "2", "partition_id", "3"));
 * replica.counter(GET_REQUESTS).increment();
 * }</pre>
 */
public final class MetricEntity {

  private final String type;
  private final String id;
  private volatile ImmutableMap<String, String> attributes;
  private final ConcurrentHashMap<String, Metric> byName = new ConcurrentHashMap<>();
  /** Copy-on-write: metrics are created rarely and listed on every scrape. */
  private volatile ImmutableList<Metric> ordered = ImmutableList.of();
  /** Retirement deadline on the registry's clock, or {@link #ACTIVE}. */
  private volatile long retireAtNanos = ACTIVE;

  static final long ACTIVE = Long.MIN_VALUE;

  MetricEntity(String type, String id, ImmutableMap<String, String> attributes) {
    this.type = type;
    this.id = id;
    this.attributes = attributes;
  }

  /** The entity type, e.g. {@code replica}. */
  public String type() {
    return type;
  }

  /** The id, e.g. {@code replica@2.3}. */
  public String id() {
    return id;
  }

  /** The attributes, in the order they were given. */
  public ImmutableMap<String, String> attributes() {
    return attributes;
  }

  void attributes(ImmutableMap<String, String> newAttributes) {
    attributes = newAttributes;
  }

  /** Every metric, in creation order. */
  public ImmutableList<Metric> metrics() {
    return ordered;
  }

  /** The metric with this name, if it was created. */
  public Optional<Metric> metric(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The gauge of this prototype, created on first use. */
  public Gauge gauge(MetricPrototype prototype) {
    return obtain(prototype, MetricType.GAUGE, Gauge.class, p -> new Gauge(p, null));
  }

  /**
   * A gauge whose every read calls {@code callback} (e.g. the JVM's heap use). Defined once: a
   * second call returns the first gauge and ignores its callback.
   */
  public Gauge gauge(MetricPrototype prototype, LongSupplier callback) {
    checkArgument(callback != null, "a callback gauge needs a callback");
    return obtain(prototype, MetricType.GAUGE, Gauge.class, p -> new Gauge(p, callback));
  }

  /** The counter of this prototype, created on first use. */
  public Counter counter(MetricPrototype prototype) {
    return obtain(prototype, MetricType.COUNTER, Counter.class, p -> new Counter(p, null));
  }

  /**
   * A counter whose every read calls {@code callback}, which must return a total that never
   * decreases. Defined once: a second call returns the first counter.
   */
  public Counter counter(MetricPrototype prototype, LongSupplier callback) {
    checkArgument(callback != null, "a callback counter needs a callback");
    return obtain(prototype, MetricType.COUNTER, Counter.class, p -> new Counter(p, callback));
  }

  /** The volatile counter of this prototype, created on first use. */
  public VolatileCounter volatileCounter(MetricPrototype prototype) {
    return obtain(prototype, MetricType.VOLATILE_COUNTER, VolatileCounter.class, VolatileCounter::new);
  }

  /** The percentile of this prototype, created on first use. */
  public Percentile percentile(MetricPrototype prototype) {
    return obtain(prototype, MetricType.PERCENTILE, Percentile.class, Percentile::new);
  }

  private <T extends Metric> T obtain(
      MetricPrototype prototype, MetricType expected, Class<T> kind, Function<MetricPrototype, T> factory) {
    checkArgument(
        prototype.type() == expected,
        "%s is a %s, not a %s",
        prototype,
        prototype.type().wireName(),
        expected.wireName());
    checkArgument(
        prototype.entityType().equals(type),
        "%s belongs to entities of type %s, not to %s (%s)",
        prototype.name(),
        prototype.entityType(),
        id,
        type);
    Metric existing = byName.get(prototype.name());
    if (existing == null) {
      existing = create(prototype, factory);
    }
    checkArgument(
        existing.prototype() == prototype || sameDefinition(existing.prototype(), prototype),
        "%s of %s is already defined differently: %s",
        prototype.name(),
        id,
        existing.prototype());
    return kind.cast(existing);
  }

  private synchronized <T extends Metric> Metric create(
      MetricPrototype prototype, Function<MetricPrototype, T> factory) {
    Metric existing = byName.get(prototype.name());
    if (existing != null) {
      return existing;
    }
    T created = factory.apply(prototype);
    byName.put(prototype.name(), created);
    ordered = ImmutableList.<Metric>builderWithExpectedSize(ordered.size() + 1)
        .addAll(ordered)
        .add(created)
        .build();
    return created;
  }

  private static boolean sameDefinition(MetricPrototype a, MetricPrototype b) {
    return a.type() == b.type()
        && a.unit() == b.unit()
        && a.description().equals(b.description())
        && a.quantiles().equals(b.quantiles());
  }

  boolean isRetiring() {
    return retireAtNanos != ACTIVE;
  }

  long retireAtNanos() {
    return retireAtNanos;
  }

  void retireAt(long nanos) {
    retireAtNanos = nanos;
  }

  void reactivate() {
    retireAtNanos = ACTIVE;
  }

  @Override
  public String toString() {
    return id + " " + attributes;
  }
}
