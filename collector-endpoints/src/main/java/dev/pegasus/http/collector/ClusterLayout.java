package dev.pegasus.http.collector;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one round knows about the cluster: the ALIVE replica servers to scrape (in the meta's
 * order) and the AVAILABLE tables (by name), with each partition's primary resolved to the index
 * of the server that must report it, so that only primaries' counters count.
 */
final class ClusterLayout {

  /** A partition whose primary is not among the scraped servers. */
  static final int NO_NODE = -1;

  private final ImmutableList<String> nodes;
  private final ImmutableList<TableLayout> tables;
  private final Map<Integer, Integer> tableIndexById = new HashMap<>();
  private final Map<String, Integer> tableIndexByName = new HashMap<>();
  private final int[][] primaryNode;

  ClusterLayout(List<String> nodes, List<TableLayout> tables) {
    this.nodes = ImmutableList.copyOf(nodes);
    this.tables = ImmutableList.sortedCopyOf(Comparator.comparing(TableLayout::name), tables);
    Map<String, Integer> nodeIndex = new HashMap<>();
    for (int i = 0; i < this.nodes.size(); i++) {
      nodeIndex.putIfAbsent(this.nodes.get(i), i);
    }
    primaryNode = new int[this.tables.size()][];
    for (int t = 0; t < this.tables.size(); t++) {
      TableLayout table = this.tables.get(t);
      tableIndexById.put(table.appId(), t);
      tableIndexByName.put(table.name(), t);
      primaryNode[t] = new int[table.partitionCount()];
      for (int p = 0; p < table.partitionCount(); p++) {
        primaryNode[t][p] = nodeIndex.getOrDefault(table.primaries().get(p), NO_NODE);
      }
    }
  }

  ImmutableList<String> nodes() {
    return nodes;
  }

  /** The tables in name order, which is the order Pegasus sums them into {@code _all_}. */
  ImmutableList<TableLayout> tables() {
    return tables;
  }

  /** The index of the table with this app id, or -1. */
  int tableIndexOf(int appId) {
    return tableIndexById.getOrDefault(appId, -1);
  }

  /** The index of the table with this name, or -1. */
  int tableIndexOf(String name) {
    return tableIndexByName.getOrDefault(name, -1);
  }

  /** The node that is primary of this partition, {@link #NO_NODE} if none is scraped. */
  int primaryNodeOf(int table, int partitionIndex) {
    return primaryNode[table][partitionIndex];
  }
}
