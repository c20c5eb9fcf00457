package dev.pegasus.http.core;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * The perf counters of one server, by full name {@code app*section*name}. Each server has its
 * own registry (no static state), so several servers can live in one JVM.
 *
 * <pre>{@code
 * NumberCounter c = counters.number("replica", "app.pegasus", "get_qps@1.3", "get qps");
 * c.add(5);
 * }</pre>
 *
 * <p>Registering a name again returns the existing counter when the type matches and fails
 * otherwise. The server calls {@link #computePercentiles()} and {@link #takeSnapshot()} on its
 * counter period (10 s by default).
 */
public final class PerfCounters {

  private final ConcurrentHashMap<String, PerfCounter> byName = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;
  private final Clock clock;
  private volatile CounterSnapshot latest;

  public PerfCounters() {
    this(System::nanoTime, Clock.systemUTC());
  }

  /** A registry with the clocks RATE counters and snapshots use, for tests. */
  public PerfCounters(LongSupplier nanoClock, Clock clock) {
    this.nanoClock = nanoClock;
    this.clock = clock;
    this.latest = CounterSnapshot.empty(clock.instant());
  }

  /** Joins the parts into a full name, {@code app*section*name}. */
  public static String fullName(String app, String section, String name) {
    checkArgument(!app.isEmpty() && app.indexOf('*') < 0, "bad counter app: \"%s\"", app);
    checkArgument(!section.isEmpty() && section.indexOf('*') < 0, "bad counter section: \"%s\"", section);
    checkArgument(!name.isEmpty(), "a counter needs a name");
    return app + '*' + section + '*' + name;
  }

  public NumberCounter number(String app, String section, String name, String description) {
    return register(fullName(app, section, name), description, NumberCounter.class, NumberCounter::new);
  }

  public VolatileNumberCounter volatileNumber(
      String app, String section, String name, String description) {
    return register(
        fullName(app, section, name), description, VolatileNumberCounter.class, VolatileNumberCounter::new);
  }

  public RateCounter rate(String app, String section, String name, String description) {
    return register(
        fullName(app, section, name),
        description,
        RateCounter.class,
        (n, d) -> new RateCounter(n, d, nanoClock));
  }

  public PercentileCounter percentile(String app, String section, String name, String description) {
    return register(
        fullName(app, section, name), description, PercentileCounter.class, PercentileCounter::new);
  }

  private <T extends PerfCounter> T register(
      String fullName, String description, Class<T> kind, BiFunction<String, String, T> factory) {
    PerfCounter counter = byName.computeIfAbsent(fullName, n -> factory.apply(n, description));
    checkArgument(
        kind.isInstance(counter),
        "counter %s is already registered as %s",
        fullName,
        counter.type());
    return kind.cast(counter);
  }

  /** The counter with this full name. */
  public Optional<PerfCounter> find(String fullName) {
    return Optional.ofNullable(byName.get(fullName));
  }

  /** Removes the counter with this full name; true if there was one. */
  public boolean remove(String fullName) {
    return byName.remove(fullName) != null;
  }

  /** Every counter, in name order. */
  public List<PerfCounter> all() {
    List<PerfCounter> all = new ArrayList<>(byName.values());
    all.sort(Comparator.comparing(PerfCounter::fullName));
    return all;
  }

  /** All current counter names, unordered. */
  public Collection<String> names() {
    return ImmutableList.copyOf(byName.keySet());
  }

  /** Recomputes p99/p999 of every percentile counter. */
  public void computePercentiles() {
    for (PerfCounter c : byName.values()) {
      if (c instanceof PercentileCounter p) {
        p.computePercentiles();
      }
    }
  }

  /**
   * Reads every counter for the snapshot (VOLATILE_NUMBER and RATE since the previous snapshot,
   * whatever live reads happened in between) and keeps it as the latest snapshot.
   */
  public synchronized CounterSnapshot takeSnapshot() {
    List<PerfCounter> all = all();
    ImmutableList.Builder<CounterReading> readings = ImmutableList.builderWithExpectedSize(all.size());
    for (PerfCounter c : all) {
      readings.add(c.readForSnapshot());
    }
    CounterSnapshot snapshot = new CounterSnapshot(clock.instant(), readings.build());
    latest = snapshot;
    return snapshot;
  }

  /** The snapshot taken most recently; empty before the first one. */
  public CounterSnapshot latestSnapshot() {
    return latest;
  }
}
