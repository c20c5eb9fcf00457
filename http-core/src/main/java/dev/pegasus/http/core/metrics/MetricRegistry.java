package dev.pegasus.http.core.metrics;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The metrics of one server (Pegasus master's {@code metric_registry}): entities by id, each with
 * its metrics. Every server has its own registry, so several servers can live in one JVM; {@code
 * PegasusHttpServer.metrics()} gives a server's, and providers find it in their context.
 *
 * <p>An entity the host no longer uses (a replica closed or moved away) is {@linkplain #retire
 * retired}: it stays visible, frozen, for the retirement delay ({@code [metrics]
 * entity_retirement_delay_ms}, 10 minutes by default) and is then removed by {@link
 * #removeRetired()}, unless the host takes it up again meanwhile. The server calls {@link
 * #computePercentiles()} and {@link #removeRetired()} every {@link #PERCENTILE_INTERVAL}.
 */
public final class MetricRegistry {

  /** How often the server recomputes every percentile (Pegasus master's 10 000 ms). */
  public static final Duration PERCENTILE_INTERVAL = Duration.ofSeconds(10);

  /** Pegasus master's default {@code [metrics] entity_retirement_delay_ms}. */
  public static final Duration DEFAULT_RETIREMENT_DELAY = Duration.ofMinutes(10);

  /** The type and id of the entity every server has. */
  public static final String SERVER = "server";

  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, MetricEntity> byId = new ConcurrentHashMap<>();
  /** Copy-on-write, in creation order: entities come and go rarely and are listed on every scrape. */
  private volatile ImmutableList<MetricEntity> ordered = ImmutableList.of();
  private volatile long retirementDelayNanos = DEFAULT_RETIREMENT_DELAY.toNanos();

  /** A registry on the system's monotonic clock. */
  public MetricRegistry() {
    this(System::nanoTime);
  }

  /** A registry whose retirement runs on this clock (nanoseconds), for tests. */
  public MetricRegistry(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** The {@code server} entity (id {@code server}, no attributes) that every role has. */
  public MetricEntity server() {
    return entity(SERVER, SERVER, Map.of());
  }

  /**
   * The entity with this id, created on first use. Asking again returns the same entity with its
   * attributes replaced by these (as upstream's {@code find_or_create}) and cancels a pending
   * retirement.
   *
   * @throws IllegalArgumentException for an empty id, or an id already used by another type
   */
  public MetricEntity entity(String type, String id, Map<String, String> attributes) {
    checkArgument(!id.isEmpty(), "an entity needs an id");
    ImmutableMap<String, String> attrs = ImmutableMap.copyOf(attributes);
    MetricEntity entity = byId.get(id);
    if (entity == null) {
      entity = create(type, id, attrs);
    }
    checkArgument(
        entity.type().equals(type), "entity %s is of type %s, not %s", id, entity.type(), type);
    if (!entity.attributes().equals(attrs)) {
      entity.attributes(attrs);
    }
    if (entity.isRetiring()) {
      entity = reactivate(entity, type, attrs);
    }
    return entity;
  }

  /** Takes a retiring entity up again, or a new one if {@link #removeRetired} just removed it. */
  private synchronized MetricEntity reactivate(
      MetricEntity entity, String type, ImmutableMap<String, String> attrs) {
    if (byId.get(entity.id()) != entity) {
      return create(type, entity.id(), attrs);
    }
    entity.reactivate();
    return entity;
  }

  private synchronized MetricEntity create(String type, String id, ImmutableMap<String, String> attrs) {
    MetricEntity existing = byId.get(id);
    if (existing != null) {
      return existing;
    }
    MetricEntity created = new MetricEntity(type, id, attrs);
    byId.put(id, created);
    ordered =
        ImmutableList.<MetricEntity>builderWithExpectedSize(ordered.size() + 1)
            .addAll(ordered)
            .add(created)
            .build();
    return created;
  }

  /** The entity with this id, if there is one (retiring or not). */
  public Optional<MetricEntity> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every entity, in creation order, those that are retiring included. */
  public ImmutableList<MetricEntity> entities() {
    return ordered;
  }

  /**
   * Marks the entity as no longer used: it is removed once the retirement delay has passed,
   * unless {@link #entity} takes it up again. True if there was such an entity.
   */
  public boolean retire(String id) {
    MetricEntity entity = byId.get(id);
    if (entity == null) {
      return false;
    }
    if (!entity.isRetiring()) {
      entity.retireAt(nanoClock.getAsLong() + retirementDelayNanos);
    }
    return true;
  }

  /** Removes the entities whose retirement delay has passed; returns how many. */
  public synchronized int removeRetired() {
    long now = nanoClock.getAsLong();
    ImmutableList.Builder<MetricEntity> kept = ImmutableList.builderWithExpectedSize(ordered.size());
    int removed = 0;
    for (MetricEntity e : ordered) {
      if (e.isRetiring() && now - e.retireAtNanos() >= 0) {
        byId.remove(e.id());
        removed++;
      } else {
        kept.add(e);
      }
    }
    if (removed > 0) {
      ordered = kept.build();
    }
    return removed;
  }

  /** Sets how long a retired entity stays visible; entities already retiring keep their deadline. */
  public void retirementDelay(Duration delay) {
    checkArgument(!delay.isNegative(), "negative retirement delay: %s", delay);
    retirementDelayNanos = delay.toNanos();
  }

  /** How long a retired entity stays visible. */
  public Duration retirementDelay() {
    return Duration.ofNanos(retirementDelayNanos);
  }

  /** Recomputes the quantiles of every percentile of every entity. */
  public void computePercentiles() {
    for (MetricEntity e : ordered) {
      for (Metric m : e.metrics()) {
        if (m instanceof Percentile p) {
          p.compute();
        }
      }
    }
  }
}
