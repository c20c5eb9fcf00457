package dev.pegasus.http.collector;

import dev.pegasus.http.core.PerfCounters;
import java.util.HashSet;
import java.util.Set;

/**
 * Publishes a round as NUMBER counters {@code <app>*app.pegasus*app.stat.<metric>#<table>}
 * described {@code statistic the <metric> of app <table>}, and removes the counters of tables
 * that are no longer in the round.
 */
final class StatPublisher {

  static final String SECTION = "app.pegasus";

  private final PerfCounters counters;
  private final String app;
  private final Set<String> published = new HashSet<>();

  StatPublisher(PerfCounters counters, String app) {
    this.counters = counters;
    this.app = app;
  }

  /** {@code app.stat.<metric>#<table>}, the name part of a published counter. */
  static String counterName(AppStatMetric metric, String table) {
    return "app.stat." + metric.metricName() + "#" + table;
  }

  synchronized void publish(AppStatRound round) {
    Set<String> now = new HashSet<>();
    for (AppStat stat : round.apps()) {
      now.add(stat.appName());
    }
    for (String gone : published) {
      if (!now.contains(gone)) {
        for (AppStatMetric m : AppStatMetric.values()) {
          counters.remove(PerfCounters.fullName(app, SECTION, counterName(m, gone)));
        }
      }
    }
    for (AppStat stat : round.apps()) {
      for (AppStatMetric m : AppStatMetric.values()) {
        counters
            .number(
                app,
                SECTION,
                counterName(m, stat.appName()),
                "statistic the " + m.metricName() + " of app " + stat.appName())
            .set(stat.value(m));
      }
    }
    published.clear();
    published.addAll(now);
  }
}
