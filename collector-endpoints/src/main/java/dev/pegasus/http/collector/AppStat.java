package dev.pegasus.http.collector;

import com.google.common.collect.ImmutableMap;

/**
 * One table's statistics in a round, or the cluster total {@code _all_}: the 41 values the
 * collector publishes, already truncated toward zero as Pegasus does. For {@code _all_} the app
 * id is 0 and the partition count is the total over all tables.
 */
public record AppStat(
    String appName, int appId, int partitionCount, ImmutableMap<AppStatMetric, Long> values) {

  /** The name of the cluster-wide total. */
  public static final String ALL = "_all_";

  /** The published value of one metric. */
  public long value(AppStatMetric metric) {
    return values.get(metric);
  }

  public boolean isAll() {
    return ALL.equals(appName);
  }
}
