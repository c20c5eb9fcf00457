package dev.pegasus.http.meta;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.List;

/**
 * One table as the meta holds it: its {@link AppInfo}, its partition configurations in index order,
 * and its duplications in id order.
 *
 * <p>An AVAILABLE table has exactly {@code partitionCount} partitions, partition {@code i} at index
 * {@code i}; a table in any other status may also have none (a dropped table's configurations need
 * not be kept).
 *
 * @param app the table's info
 * @param partitions the partition configurations, in index order
 * @param duplications the table's duplications, in id order
 */
public record Table(
    AppInfo app,
    ImmutableList<PartitionConfig> partitions,
    ImmutableList<Duplication> duplications) {

  public Table {
    requireNonNull(app, "app");
    partitions = ImmutableList.copyOf(partitions);
    checkArgument(
        partitions.size() == app.partitionCount()
            || (partitions.isEmpty() && app.status() != AppStatus.AVAILABLE),
        "table %s has partition count %s but %s partition configurations",
        app.appName(),
        app.partitionCount(),
        partitions.size());
    for (int i = 0; i < partitions.size(); i++) {
      checkArgument(
          partitions.get(i).pidx() == i,
          "table %s: partition at index %s has pidx %s",
          app.appName(),
          i,
          partitions.get(i).pidx());
    }
    duplications =
        ImmutableList.sortedCopyOf(Comparator.comparingInt(Duplication::dupId), duplications);
    for (int i = 1; i < duplications.size(); i++) {
      checkArgument(
          duplications.get(i).dupId() != duplications.get(i - 1).dupId(),
          "table %s: duplication id %s twice",
          app.appName(),
          duplications.get(i).dupId());
    }
  }

  /** A table without duplications. */
  public static Table of(AppInfo app, List<PartitionConfig> partitions) {
    return new Table(app, ImmutableList.copyOf(partitions), ImmutableList.of());
  }

  /** The same table with these duplications. */
  public Table withDuplications(List<Duplication> newDuplications) {
    return new Table(app, partitions, ImmutableList.copyOf(newDuplications));
  }

  /** The same table with another info (e.g. a new status or envs) and the same partitions. */
  public Table withApp(AppInfo newApp) {
    return new Table(newApp, partitions, duplications);
  }

  /** The same table with these partition configurations. */
  public Table withPartitions(List<PartitionConfig> newPartitions) {
    return new Table(app, ImmutableList.copyOf(newPartitions), duplications);
  }

  public String name() {
    return app.appName();
  }

  public boolean isAvailable() {
    return app.status() == AppStatus.AVAILABLE;
  }
}
