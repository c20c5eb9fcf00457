package dev.pegasus.http.meta.internal;

import dev.pegasus.http.meta.PartitionConfig;
import dev.pegasus.http.meta.Table;
import java.util.List;

/**
 * Pegasus's partition health rules (reference §2.6). With {@code rc} the live replicas (primary
 * plus secondaries) and {@code max} the partition's max replica count, a partition is exactly one
 * of:
 *
 * <ul>
 *   <li>{@link Kind#FULLY_HEALTHY}: a primary and {@code rc >= max};
 *   <li>{@link Kind#WRITE_UNHEALTHY}: a primary alone ({@code rc < 2}, and {@code rc < max});
 *   <li>{@link Kind#READ_UNHEALTHY}: no primary (counted as write-unhealthy too);
 *   <li>{@link Kind#DEGRADED}: a primary and {@code 2 <= rc < max}, counted only as unhealthy.
 * </ul>
 *
 * Every partition that is not fully healthy is unhealthy, so {@code unhealthy >= write_unhealthy >=
 * read_unhealthy}.
 */
final class PartitionHealth {

  /** The one class a partition falls into. */
  enum Kind {
    FULLY_HEALTHY,
    DEGRADED,
    WRITE_UNHEALTHY,
    READ_UNHEALTHY
  }

  /**
   * A table's health counts.
   *
   * @param partitionCount the table's partition count
   * @param fullyHealthy partitions with a primary and all replicas
   * @param writeUnhealthy partitions that cannot take writes (no primary, or a primary alone)
   * @param readUnhealthy partitions that cannot serve reads (no primary)
   */
  record Counts(int partitionCount, int fullyHealthy, int writeUnhealthy, int readUnhealthy) {

    /** Partitions that are not fully healthy. */
    int unhealthy() {
      return partitionCount - fullyHealthy;
    }
  }

  private PartitionHealth() {}

  static Kind classify(boolean hasPrimary, int replicaCount, int maxReplicaCount) {
    if (!hasPrimary) {
      return Kind.READ_UNHEALTHY;
    }
    if (replicaCount >= maxReplicaCount) {
      return Kind.FULLY_HEALTHY;
    }
    return replicaCount < 2 ? Kind.WRITE_UNHEALTHY : Kind.DEGRADED;
  }

  static Kind classify(PartitionConfig p) {
    return classify(p.hasPrimary(), p.replicaCount(), p.maxReplicaCount());
  }

  /** The counts of a table, in one pass over its partitions. */
  static Counts of(Table table) {
    return of(table.app().partitionCount(), table.partitions());
  }

  /** The counts of these partitions, with {@code partitionCount} as the table's partition count. */
  static Counts of(int partitionCount, List<PartitionConfig> partitions) {
    int fully = 0;
    int write = 0;
    int read = 0;
    for (int i = 0, n = partitions.size(); i < n; i++) {
      switch (classify(partitions.get(i))) {
        case FULLY_HEALTHY -> fully++;
        case WRITE_UNHEALTHY -> write++;
        case READ_UNHEALTHY -> {
          write++;
          read++;
        }
        case DEGRADED -> {}
      }
    }
    return new Counts(partitionCount, fully, write, read);
  }
}
