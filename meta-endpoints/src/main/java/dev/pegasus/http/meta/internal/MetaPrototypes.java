package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.metrics.MetricUnit;

/** The meta server's metrics as Pegasus master defines them (reference §2.9), with master's descriptions. */
final class MetaPrototypes {

  static final String TABLE = "table";
  static final String PARTITION = "partition";
  private static final String SERVER = MetricRegistry.SERVER;

  static final MetricPrototype ALIVE_REPLICA_SERVERS =
      MetricPrototype.gauge(SERVER, "alive_replica_servers", MetricUnit.SERVERS, "The number of alive replica servers");
  static final MetricPrototype UNALIVE_REPLICA_SERVERS =
      MetricPrototype.gauge(
          SERVER, "unalive_replica_servers", MetricUnit.SERVERS, "The number of unalive replica servers");
  static final MetricPrototype REPLICA_SERVER_DISCONNECTIONS =
      MetricPrototype.counter(
          SERVER,
          "replica_server_disconnections",
          MetricUnit.DISCONNECTIONS,
          "The number of disconnections with replica servers");

  static final MetricPrototype DEAD_PARTITIONS =
      MetricPrototype.gauge(
          TABLE,
          "dead_partitions",
          MetricUnit.PARTITIONS,
          "The number of dead partitions, which means primary = 0 && secondary = 0");
  static final MetricPrototype UNREADABLE_PARTITIONS =
      MetricPrototype.gauge(
          TABLE,
          "unreadable_partitions",
          MetricUnit.PARTITIONS,
          "The number of unreadable partitions, which means primary = 0 && secondary > 0");
  static final MetricPrototype UNWRITABLE_PARTITIONS =
      MetricPrototype.gauge(
          TABLE,
          "unwritable_partitions",
          MetricUnit.PARTITIONS,
          "The number of unwritable partitions, which means primary = 1 && primary + secondary <"
              + " mutation_2pc_min_replica_count");
  static final MetricPrototype WRITABLE_ILL_PARTITIONS =
      MetricPrototype.gauge(
          TABLE,
          "writable_ill_partitions",
          MetricUnit.PARTITIONS,
          "The number of writable ill partitions, which means primary = 1 && primary + secondary >="
              + " mutation_2pc_min_replica_count && primary + secondary < max_replica_count");
  static final MetricPrototype HEALTHY_PARTITIONS =
      MetricPrototype.gauge(
          TABLE,
          "healthy_partitions",
          MetricUnit.PARTITIONS,
          "The number of healthy partitions, which means primary = 1 && primary + secondary >="
              + " max_replica_count");

  static final MetricPrototype PARTITION_CONFIGURATION_CHANGES =
      MetricPrototype.counter(
          PARTITION,
          "partition_configuration_changes",
          MetricUnit.CHANGES,
          "The number of times the configuration has been changed");
  static final MetricPrototype UNWRITABLE_PARTITION_CHANGES =
      MetricPrototype.counter(
          PARTITION,
          "unwritable_partition_changes",
          MetricUnit.CHANGES,
          "The number of times the status of partition has been changed to unwritable");
  static final MetricPrototype WRITABLE_PARTITION_CHANGES =
      MetricPrototype.counter(
          PARTITION,
          "writable_partition_changes",
          MetricUnit.CHANGES,
          "The number of times the status of partition has been changed to writable");

  /** The table gauges by {@link MasterPartitionStatus} ordinal. */
  static final MetricPrototype[] TABLE_GAUGES = {
    DEAD_PARTITIONS, UNREADABLE_PARTITIONS, UNWRITABLE_PARTITIONS, WRITABLE_ILL_PARTITIONS, HEALTHY_PARTITIONS
  };

  private MetaPrototypes() {}
}
