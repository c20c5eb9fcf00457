package dev.pegasus.http.meta;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of one partition as the meta holds it (Pegasus's {@code
 * partition_configuration}): its ballot, its primary, its secondaries and how many replicas it
 * should have.
 *
 * @param pidx the partition index, from 0
 * @param ballot the configuration's ballot
 * @param primary the primary's address, or null when the partition has no primary
 * @param secondaries the secondaries' addresses, in the meta's order
 * @param maxReplicaCount how many replicas the partition should have
 */
public record PartitionConfig(
    int pidx,
    long ballot,
    @Nullable HostPort primary,
    ImmutableList<HostPort> secondaries,
    int maxReplicaCount) {

  public PartitionConfig {
    checkArgument(pidx >= 0, "negative partition index %s", pidx);
    checkArgument(maxReplicaCount >= 0, "negative max replica count %s", maxReplicaCount);
    secondaries = ImmutableList.copyOf(secondaries);
    checkArgument(
        primary == null || !secondaries.contains(primary),
        "partition %s: %s is both primary and secondary",
        pidx,
        primary);
  }

  /** A partition with a primary (or null) and these secondaries. */
  public static PartitionConfig of(
      int pidx,
      long ballot,
      @Nullable HostPort primary,
      List<HostPort> secondaries,
      int maxReplicaCount) {
    return new PartitionConfig(
        pidx, ballot, primary, ImmutableList.copyOf(secondaries), maxReplicaCount);
  }

  public boolean hasPrimary() {
    return primary != null;
  }

  /** The live replicas: the primary, if any, plus the secondaries. */
  public int replicaCount() {
    return (primary != null ? 1 : 0) + secondaries.size();
  }

  /** Whether {@code node} serves this partition, as primary or secondary. */
  public boolean isServedBy(HostPort node) {
    return node.equals(primary) || secondaries.contains(node);
  }

  /**
   * This partition after {@code node} failed, as the meta records it before it proposes new
   * replicas: the node is gone from the configuration (a failed primary leaves the partition
   * without one) and the ballot moves on. Unchanged when the node does not serve it.
   */
  public PartitionConfig without(HostPort node) {
    if (!isServedBy(node)) {
      return this;
    }
    HostPort newPrimary = node.equals(primary) ? null : primary;
    ImmutableList<HostPort> newSecondaries =
        secondaries.stream().filter(s -> !s.equals(node)).collect(ImmutableList.toImmutableList());
    return new PartitionConfig(pidx, ballot + 1, newPrimary, newSecondaries, maxReplicaCount);
  }
}
