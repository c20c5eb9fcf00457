package dev.pegasus.http.core.internal.metrics;

import dev.pegasus.http.core.metrics.Counter;
import dev.pegasus.http.core.metrics.Gauge;
import dev.pegasus.http.core.metrics.Metric;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.metrics.MetricType;
import dev.pegasus.http.core.metrics.MetricUnit;
import dev.pegasus.http.core.metrics.Percentile;
import dev.pegasus.http.core.metrics.Quantile;
import dev.pegasus.http.core.metrics.VolatileCounter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry as Prometheus snapshots, under the names the recording rules rely on: a gauge
 * {@code <m>} is the gauge {@code pegasus_<m>}; a counter the counter {@code pegasus_<m>} (sample
 * {@code pegasus_<m>_total}); a volatile counter the gauge {@code pegasus_<m>}, read without reset;
 * a percentile the summary {@code pegasus_<m>} with the quantiles its prototype computes (no
 * {@code _sum} or {@code _count}: the registry keeps neither). Help is the description. Every
 * series carries {@code cluster}, {@code role} and the entity's attributes.
 *
 * <p>Time and size metrics are exported in Prometheus's base units, as its naming conventions
 * (and {@code promtool check metrics}) ask: a name ending in {@code _ns}, {@code _us} or {@code
 * _ms} whose unit says so ends in {@code _seconds} with the value scaled (e.g. {@code
 * get_latency_ns} → {@code pegasus_get_latency_seconds}), and {@code _mb} in MegaBytes ends in
 * {@code _bytes}. The JSON keeps master's names and units.
 */
final class PrometheusRegistrySnapshots {

  /** The family prefix of every registry metric. */
  static final String PREFIX = "pegasus_";

  private static final Set<String> RESERVED_LABELS = Set.of("cluster", "role", "quantile");

  /** Attribute name to label name ({@code ""}: unusable); attribute names are few and fixed. */
  private static final Map<String, String> LABEL_NAMES = new ConcurrentHashMap<>();

  private PrometheusRegistrySnapshots() {}

  /**
   * Every family of the registry as of now, unsorted. Families are keyed by their exported name:
   * the first prototype met (in entity creation order) that exports a name owns it, and the series
   * of another metric name or another kind that converts to the same name ({@code x_ms} and {@code
   * x_ns} both become {@code pegasus_x_seconds}) are left out, since one family has one type and
   * one meaning. A metric whose read throws (a callback into host code) is left out of this scrape
   * and logged once ({@link MetricReadFailures}); the rest is served.
   */
  static List<MetricSnapshot> of(MetricRegistry registry, String cluster, String role) {
    Map<String, Family> families = new HashMap<>();
    // Per prototype, so that the exported name is worked out once per scrape, not per series.
    Map<MetricPrototype, Member> members = new IdentityHashMap<>();
    for (MetricEntity entity : registry.entities()) {
      List<Metric> metrics = entity.metrics();
      if (metrics.isEmpty()) {
        continue;
      }
      Labels labels = labelsOf(entity, cluster, role);
      for (Metric metric : metrics) {
        Member member = members.computeIfAbsent(metric.prototype(), p -> Member.of(metric, families));
        if (member.family() == null) {
          continue; // its exported name belongs to another metric or kind
        }
        DataPointSnapshot point;
        try {
          point = point(metric, member.family().kind, labels, member.base());
        } catch (RuntimeException e) {
          MetricReadFailures.report(metric, e);
          continue;
        }
        member.family().add(point, entity.type());
      }
    }
    List<MetricSnapshot> snapshots = new ArrayList<>(families.size());
    for (Family family : families.values()) {
      if (!family.points.isEmpty()) {
        snapshots.add(family.snapshot());
      }
    }
    return snapshots;
  }

  /**
   * The family a prototype's series go into ({@code null}: left out) and its own unit conversion.
   */
  private record Member(Family family, BaseUnit base) {

    static Member of(Metric metric, Map<String, Family> families) {
      MetricPrototype p = metric.prototype();
      MetricType kind = kindOf(metric);
      BaseUnit base = BaseUnit.of(p);
      String name = exportedName(p, kind, base);
      Family family = families.computeIfAbsent(name, n -> new Family(n, kind, p.name(), p.description()));
      boolean owns = family.kind == kind && family.masterName.equals(p.name());
      return new Member(owns ? family : null, base);
    }
  }

  /** The family name a prototype is exported under. */
  private static String exportedName(MetricPrototype prototype, MetricType kind, BaseUnit base) {
    String name = base.exportedName(prototype.name());
    if (kind == MetricType.COUNTER && name.endsWith("_total")) {
      // The writer adds _total to a counter's samples itself.
      name = name.substring(0, name.length() - "_total".length());
    }
    return PREFIX + name;
  }

  /** {@code cluster}, {@code role} and the attributes (sanitised, first of a clash kept). */
  private static Labels labelsOf(MetricEntity entity, String cluster, String role) {
    Map<String, String> attributes = entity.attributes();
    String[] names = new String[2 + attributes.size()];
    String[] values = new String[names.length];
    names[0] = "cluster";
    values[0] = cluster;
    names[1] = "role";
    values[1] = role;
    int n = 2;
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      String name = LABEL_NAMES.computeIfAbsent(a.getKey(), PrometheusRegistrySnapshots::labelName);
      if (name.isEmpty() || RESERVED_LABELS.contains(name) || contains(names, n, name)) {
        continue;
      }
      names[n] = name;
      values[n] = a.getValue();
      n++;
    }
    if (n < names.length) {
      names = java.util.Arrays.copyOf(names, n);
      values = java.util.Arrays.copyOf(values, n);
    }
    return Labels.of(names, values);
  }

  private static boolean contains(String[] names, int n, String name) {
    for (int i = 0; i < n; i++) {
      if (names[i].equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A valid Prometheus label name for an attribute name: characters outside {@code
   * [a-zA-Z0-9_]} become {@code _}, a leading digit gets a {@code _} before it, and a leading
   * {@code __} (reserved by Prometheus) is cut to one {@code _}. Empty when nothing is left.
   */
  static String labelName(String attribute) {
    StringBuilder out = new StringBuilder(attribute.length() + 1);
    for (int i = 0; i < attribute.length(); i++) {
      char c = attribute.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      out.append(ok ? c : '_');
    }
    if (out.length() > 0 && out.charAt(0) >= '0' && out.charAt(0) <= '9') {
      out.insert(0, '_');
    }
    while (out.length() >= 2 && out.charAt(0) == '_' && out.charAt(1) == '_') {
      out.deleteCharAt(0);
    }
    return out.toString().equals("_") ? "" : out.toString();
  }

  /**
   * The Prometheus kind of a metric: a volatile counter is a gauge (read without reset), and a
   * gauge counting RocksDB point lookups or seeks is a counter, since master declares RocksDB's
   * cumulative tickers ({@code rdb_block_cache_hit_count}, {@code rdb_bloom_filter_seek_total},
   * …) as gauges; as counters their names pass Prometheus's {@code _count}/{@code _total} rules.
   */
  static MetricType kindOf(Metric metric) {
    MetricPrototype p = metric.prototype();
    if (p.type() == MetricType.VOLATILE_COUNTER) {
      return MetricType.GAUGE;
    }
    if (p.type() == MetricType.GAUGE
        && (p.unit() == MetricUnit.POINT_LOOKUPS || p.unit() == MetricUnit.SEEKS)) {
      return MetricType.COUNTER;
    }
    return p.type();
  }

  private static DataPointSnapshot point(Metric metric, MetricType kind, Labels labels, BaseUnit base) {
    if (metric instanceof Gauge g && kind == MetricType.COUNTER) {
      return new CounterDataPointSnapshot(base.convert(g.value()), labels, null, 0L);
    }
    if (metric instanceof Gauge g) {
      return new GaugeDataPointSnapshot(base.convert(g.value()), labels, null);
    }
    if (metric instanceof VolatileCounter v) {
      return new GaugeDataPointSnapshot(base.convert(v.peek()), labels, null);
    }
    if (metric instanceof Counter c) {
      return new CounterDataPointSnapshot(base.convert(c.value()), labels, null, 0L);
    }
    Percentile p = (Percentile) metric;
    Set<Quantile> computed = p.prototype().quantiles();
    io.prometheus.metrics.model.snapshots.Quantile[] quantiles =
        new io.prometheus.metrics.model.snapshots.Quantile[computed.size()];
    int i = 0;
    for (Quantile q : computed) {
      quantiles[i++] = new io.prometheus.metrics.model.snapshots.Quantile(q.fraction(), base.convert(p.value(q)));
    }
    // count -1 and sum NaN: the library then writes neither _count nor _sum.
    return new SummaryDataPointSnapshot(
        -1, Double.NaN, Quantiles.of(quantiles), labels, Exemplars.EMPTY, 0L);
  }

  /** How a metric's own unit maps to Prometheus's base unit: the name suffix and the factor. */
  enum BaseUnit {
    NANOSECONDS(MetricUnit.NANOSECONDS, "_ns", "_seconds", 1e9),
    MICROSECONDS(MetricUnit.MICROSECONDS, "_us", "_seconds", 1e6),
    MILLISECONDS(MetricUnit.MILLISECONDS, "_ms", "_seconds", 1e3),
    // A power of two: dividing by it is exact.
    MEGABYTES(MetricUnit.MEGABYTES, "_mb", "_bytes", 1.0 / (1024 * 1024)),
    AS_IS(null, "", "", 1.0);

    private final MetricUnit unit;
    private final String suffix;
    private final String baseSuffix;
    /** How many of the metric's units make one base unit; dividing keeps 991000 ns at 9.91E-4 s. */
    private final double perBaseUnit;

    BaseUnit(MetricUnit unit, String suffix, String baseSuffix, double perBaseUnit) {
      this.unit = unit;
      this.suffix = suffix;
      this.baseSuffix = baseSuffix;
      this.perBaseUnit = perBaseUnit;
    }

    /** The conversion for this prototype: only when both its unit and its name's suffix say so. */
    static BaseUnit of(MetricPrototype prototype) {
      for (BaseUnit b : values()) {
        if (b.unit == prototype.unit() && prototype.name().endsWith(b.suffix)) {
          return b;
        }
      }
      return AS_IS;
    }

    String exportedName(String name) {
      return this == AS_IS ? name : name.substring(0, name.length() - suffix.length()) + baseSuffix;
    }

    double convert(long value) {
      return value / perBaseUnit;
    }
  }

  /** The data points of one family as they are collected. */
  private static final class Family {
    final MetricType kind;
    /** Master's name of the metric that owns the family, e.g. {@code get_latency_ns}. */
    final String masterName;
    final MetricMetadata metadata;
    final List<DataPointSnapshot> points = new ArrayList<>();
    /** The entity type of the first series; another type may repeat its labels. */
    private String firstEntityType;
    /** Only once a second entity type contributes: the labels seen, to drop a repeat. */
    private Set<Labels> seen;

    Family(String exportedName, MetricType kind, String masterName, String description) {
      this.kind = kind;
      this.masterName = masterName;
      this.metadata = new MetricMetadata(exportedName, description);
    }

    /**
     * Adds a series. Entities of one type have distinct ids and so distinct labels, but two types
     * defining the same metric (a {@code server} and a {@code collector} entity, both without
     * attributes) can repeat a label set, which the library refuses for the whole scrape: the
     * first series is kept and the repeat left out.
     */
    void add(DataPointSnapshot point, String entityType) {
      if (firstEntityType == null) {
        firstEntityType = entityType;
      } else if (seen == null && !firstEntityType.equals(entityType)) {
        seen = new HashSet<>();
        for (DataPointSnapshot p : points) {
          seen.add(p.getLabels());
        }
      }
      if (seen != null && !seen.add(point.getLabels())) {
        return;
      }
      points.add(point);
    }

    @SuppressWarnings("unchecked")
    MetricSnapshot snapshot() {
      List<?> list = points;
      return switch (kind) {
        case GAUGE -> new GaugeSnapshot(metadata, (List<GaugeDataPointSnapshot>) list);
        case COUNTER -> new CounterSnapshot(metadata, (List<CounterDataPointSnapshot>) list);
        case PERCENTILE -> new SummarySnapshot(metadata, (List<SummaryDataPointSnapshot>) list);
        case VOLATILE_COUNTER -> throw new AssertionError("exported as a gauge");
      };
    }
  }
}
