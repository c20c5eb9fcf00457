package dev.pegasus.http.core.internal.metrics;

import dev.pegasus.http.core.CounterReading;
import dev.pegasus.http.core.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The perf counters of one periodic snapshot as the Pegasus 2.5 exporter served them (reference
 * §7.2–7.3): every entry a gauge named by {@link LegacyCounterName}, a percentile counter as two
 * entries ({@code <name>} = P99, {@code <name>.p999} = P999), labels {@code service="pegasus"},
 * {@code host_name}, {@code cluster}, {@code pegasus_job}, {@code port}, {@code app}, {@code
 * partition}. Reading a snapshot resets nothing (the snapshot already holds the values).
 *
 * <p>Left out: names that are not valid Prometheus names (upstream served them and broke the
 * scrape), names upstream aborts on, and an entry whose name and labels repeat an earlier one.
 */
final class LegacyCounterSnapshots {

  /** The labels the exporter puts on every series, besides {@code app} and {@code partition}. */
  record Constants(String hostName, String cluster, String job, int port) {}

  private static final String[] LABEL_NAMES = {
    "service", "host_name", "cluster", "pegasus_job", "port", "app", "partition"
  };

  private LegacyCounterSnapshots() {}

  /** The gauges of {@code snapshot}, one family per mangled name, in no particular order. */
  static List<MetricSnapshot> of(CounterSnapshot snapshot, Constants constants) {
    Map<String, Family> families = new LinkedHashMap<>();
    for (CounterReading reading : snapshot.readings()) {
      if (reading.isPercentile()) {
        add(families, reading.name(), reading.p99(), reading.description(), constants);
        add(families, reading.name() + LegacyCounterName.P999_SUFFIX, reading.p999(),
            reading.description(), constants);
      } else {
        add(families, reading.name(), reading.value(), reading.description(), constants);
      }
    }
    List<MetricSnapshot> snapshots = new ArrayList<>(families.size());
    for (Family family : families.values()) {
      snapshots.add(
          new GaugeSnapshot(
              new MetricMetadata(family.name, family.help), List.copyOf(family.points.values())));
    }
    return snapshots;
  }

  private static void add(
      Map<String, Family> families, String entryName, double value, String help, Constants c) {
    Optional<LegacyCounterName> series = LegacyCounterName.of(entryName);
    if (series.isEmpty() || !series.get().isValidMetricName()) {
      return;
    }
    LegacyCounterName s = series.get();
    Family family = families.computeIfAbsent(s.metricName(), name -> new Family(name, help));
    String key = s.app() + '\0' + s.partition();
    if (!family.points.containsKey(key)) {
      Labels labels =
          Labels.of(
              LABEL_NAMES.clone(),
              new String[] {
                "pegasus", c.hostName(), c.cluster(), c.job(), Integer.toString(c.port()), s.app(), s.partition()
              });
      family.points.put(key, new GaugeDataPointSnapshot(value, labels, null));
    }
  }

  private static final class Family {
    final String name;
    final String help;
    final Map<String, GaugeDataPointSnapshot> points = new LinkedHashMap<>();

    Family(String name, String help) {
      this.name = name;
      this.help = help;
    }
  }
}
