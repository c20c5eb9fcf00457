package dev.pegasus.http.meta.internal;

import dev.pegasus.http.meta.PartitionConfig;

/**
 * Pegasus master's {@code health_status} of one partition (the {@code table} entity's gauges), in
 * master's order from worst to best. It refines {@link PartitionHealth}'s classes, the rules
 * {@code /meta/apps?detail} counts by: a partition without a primary is {@link #DEAD} without
 * secondaries and {@link #UNREADABLE} with some; a lone primary is {@link #UNWRITABLE} (fewer
 * replicas than {@code mutation_2pc_min_replica_count}, 2); a primary with too few replicas
 * otherwise is {@link #WRITABLE_ILL}.
 */
enum MasterPartitionStatus {
  DEAD,
  UNREADABLE,
  UNWRITABLE,
  WRITABLE_ILL,
  HEALTHY;

  static MasterPartitionStatus of(PartitionConfig p) {
    return switch (PartitionHealth.classify(p)) {
      case READ_UNHEALTHY -> p.secondaries().isEmpty() ? DEAD : UNREADABLE;
      case WRITE_UNHEALTHY -> UNWRITABLE;
      case DEGRADED -> WRITABLE_ILL;
      case FULLY_HEALTHY -> HEALTHY;
    };
  }

  /** Whether the partition takes writes (master's {@code >= HS_WRITABLE_ILL}). */
  boolean writable() {
    return compareTo(WRITABLE_ILL) >= 0;
  }
}
