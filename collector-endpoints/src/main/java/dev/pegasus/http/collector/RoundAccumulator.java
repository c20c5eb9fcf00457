package dev.pegasus.http.collector;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Maps;
import dev.pegasus.http.collector.CounterNames.PartitionCounterName;
import dev.pegasus.http.collector.CounterNames.TableCounterName;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;

/**
 * Sums one round's replica counters the way Pegasus 2.0's {@code get_app_partition_stat} does: a
 * per-partition counter counts only when it comes from that partition's primary; a per-table
 * counter ({@code @<table>}) counts from every server, into partition 0; anything else is
 * ignored. Then each table is the field-wise sum of its partitions, {@code _all_} the sum of the
 * tables in name order, and the 41 metrics are computed from those sums.
 *
 * <p>Servers may be added from different threads at once: a partition's row is written only by
 * its primary's thread, and per-table counters go to a per-server area merged in server order by
 * {@link #finish}, so the sums do not depend on which answer arrives first.
 */
final class RoundAccumulator {

  private final ClusterLayout layout;
  private final double[][][] rows;
  private final double[][][] tableCounters;

  RoundAccumulator(ClusterLayout layout) {
    this.layout = layout;
    this.rows = new double[layout.tables().size()][][];
    for (int t = 0; t < rows.length; t++) {
      rows[t] = new double[layout.tables().get(t).partitionCount()][];
    }
    this.tableCounters = new double[layout.nodes().size()][][];
  }

  /** Adds every reading of the server with this index in {@link ClusterLayout#nodes()}. */
  void addNode(int node, CounterReadings readings) {
    for (int i = 0; i < readings.size(); i++) {
      add(node, readings.name(i), readings.value(i));
    }
  }

  /** Adds one reading of the server with this index. */
  void add(int node, String counterName, double value) {
    Optional<PartitionCounterName> partitionCounter = CounterNames.parsePartition(counterName);
    if (partitionCounter.isPresent()) {
      PartitionCounterName p = partitionCounter.get();
      RowField field = RowField.forCounter(p.counter());
      int table = layout.tableIndexOf(p.appId());
      if (field == null
          || table < 0
          || p.partitionIndex() < 0
          || p.partitionIndex() >= rows[table].length
          || layout.primaryNodeOf(table, p.partitionIndex()) != node) {
        return;
      }
      row(rows[table], p.partitionIndex())[field.ordinal()] += value;
      return;
    }
    Optional<TableCounterName> tableCounter = CounterNames.parseTable(counterName);
    if (tableCounter.isPresent()) {
      RowField field = RowField.forCounter(tableCounter.get().counter());
      int table = layout.tableIndexOf(tableCounter.get().table());
      if (field != null && table >= 0) {
        if (tableCounters[node] == null) {
          tableCounters[node] = new double[rows.length][];
        }
        row(tableCounters[node], table)[field.ordinal()] += value;
      }
    }
  }

  private static double[] row(double[][] rowsOfOne, int index) {
    double[] row = rowsOfOne[index];
    if (row == null) {
      row = new double[RowField.COUNT];
      rowsOfOne[index] = row;
    }
    return row;
  }

  /** The statistics of every table and {@code _all_}. */
  AppStatRound finish(Instant time, Duration duration, List<String> failedNodes) {
    ImmutableList.Builder<AppStat> apps = ImmutableList.builder();
    double[] all = new double[RowField.COUNT];
    int allPartitions = 0;
    for (int t = 0; t < rows.length; t++) {
      TableLayout table = layout.tables().get(t);
      double[] sum = new double[RowField.COUNT];
      for (int p = 0; p < rows[t].length; p++) {
        double[] row = rows[t][p] == null ? new double[RowField.COUNT] : rows[t][p].clone();
        if (p == 0) {
          addTableCounters(t, row);
        }
        addInto(sum, row);
      }
      apps.add(stat(table.name(), table.appId(), table.partitionCount(), sum));
      addInto(all, sum);
      allPartitions += table.partitionCount();
    }
    apps.add(stat(AppStat.ALL, 0, allPartitions, all));
    return new AppStatRound(
        time, duration, layout.nodes(), ImmutableList.copyOf(failedNodes), apps.build());
  }

  private void addTableCounters(int table, double[] row) {
    for (double[][] perNode : tableCounters) {
      if (perNode != null && perNode[table] != null) {
        addInto(row, perNode[table]);
      }
    }
  }

  private static void addInto(double[] target, double[] source) {
    for (int f = 0; f < target.length; f++) {
      target[f] += source[f];
    }
  }

  private static AppStat stat(String name, int appId, int partitionCount, double[] fields) {
    EnumMap<AppStatMetric, Long> values = new EnumMap<>(AppStatMetric.class);
    for (AppStatMetric m : AppStatMetric.values()) {
      // A C++ double -> int64 conversion truncates toward zero, as Java's cast does.
      values.put(m, (long) m.compute(fields));
    }
    return new AppStat(name, appId, partitionCount, Maps.immutableEnumMap(values));
  }
}
