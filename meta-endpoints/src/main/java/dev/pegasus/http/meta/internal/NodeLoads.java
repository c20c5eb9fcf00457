package dev.pegasus.http.meta.internal;

import dev.pegasus.http.meta.HostPort;
import dev.pegasus.http.meta.MetaSnapshot;
import dev.pegasus.http.meta.PartitionConfig;
import dev.pegasus.http.meta.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many primaries and secondaries each replica server holds over the AVAILABLE tables, as {@code
 * /meta/nodes?detail} and the balance scores of {@code /meta/cluster} count them.
 */
final class NodeLoads {

  private static final int PRIMARY = 0;
  private static final int SECONDARY = 1;

  private final Map<HostPort, int[]> counts;

  private NodeLoads(Map<HostPort, int[]> counts) {
    this.counts = counts;
  }

  /** Counts every replica of every AVAILABLE table in one pass. */
  static NodeLoads of(MetaSnapshot snapshot) {
    Map<HostPort, int[]> counts = new HashMap<>(Math.max(16, snapshot.nodes().size() * 2));
    for (Table t : snapshot.tables()) {
      if (!t.isAvailable()) {
        continue;
      }
      List<PartitionConfig> partitions = t.partitions();
      for (int i = 0, n = partitions.size(); i < n; i++) {
        PartitionConfig p = partitions.get(i);
        if (p.primary() != null) {
          counts.computeIfAbsent(p.primary(), k -> new int[2])[PRIMARY]++;
        }
        List<HostPort> secondaries = p.secondaries();
        for (int j = 0, m = secondaries.size(); j < m; j++) {
          counts.computeIfAbsent(secondaries.get(j), k -> new int[2])[SECONDARY]++;
        }
      }
    }
    return new NodeLoads(counts);
  }

  int primaryCount(HostPort node) {
    int[] c = counts.get(node);
    return c == null ? 0 : c[PRIMARY];
  }

  int secondaryCount(HostPort node) {
    int[] c = counts.get(node);
    return c == null ? 0 : c[SECONDARY];
  }
}
