package dev.pegasus.http.meta;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;

/**
 * One duplication of a table to a remote cluster, as {@code /meta/app/duplication} shows it
 * (Pegasus master's body: 2.0's fields, plus the remote table, its replica count and the progress
 * per partition).
 *
 * @param dupId the duplication id (Pegasus uses the creation time in seconds)
 * @param remoteCluster the name of the remote cluster
 * @param status the duplication's status
 * @param failMode what it does when shipping fails
 * @param createTimeMillis when it was created, epoch milliseconds
 * @param remoteAppName the remote table; empty means the same name as the local table (upstream's default)
 * @param remoteReplicaCount the remote table's replica count; 0 means the local table's (upstream's default)
 * @param partitionStates the progress of the partitions whose progress is known, by partition index
 */
public record Duplication(
    int dupId,
    String remoteCluster,
    DuplicationStatus status,
    DuplicationFailMode failMode,
    long createTimeMillis,
    String remoteAppName,
    int remoteReplicaCount,
    ImmutableSortedMap<Integer, PartitionState> partitionStates) {

  /**
   * How far one partition's duplication has come.
   *
   * @param confirmedDecree the last decree the remote cluster confirmed, -1 for none
   * @param lastCommittedDecree the last decree committed locally, -1 for none
   */
  public record PartitionState(long confirmedDecree, long lastCommittedDecree) {}

  public Duplication {
    requireNonNull(remoteCluster, "remoteCluster");
    requireNonNull(status, "status");
    requireNonNull(failMode, "failMode");
    requireNonNull(remoteAppName, "remoteAppName");
    checkArgument(remoteReplicaCount >= 0, "negative remote replica count %s", remoteReplicaCount);
    partitionStates = ImmutableSortedMap.copyOf(partitionStates);
  }

  /** A duplication with 2.0's facts only: the remote table as the local one, no partition progress. */
  public Duplication(
      int dupId,
      String remoteCluster,
      DuplicationStatus status,
      DuplicationFailMode failMode,
      long createTimeMillis) {
    this(dupId, remoteCluster, status, failMode, createTimeMillis, "", 0, ImmutableSortedMap.of());
  }

  /** The same duplication to {@code appName} with {@code replicaCount} replicas on the remote cluster. */
  public Duplication withRemoteTable(String appName, int replicaCount) {
    return new Duplication(
        dupId, remoteCluster, status, failMode, createTimeMillis, appName, replicaCount, partitionStates);
  }

  /** The same duplication with this progress per partition. */
  public Duplication withPartitionStates(Map<Integer, PartitionState> states) {
    return new Duplication(
        dupId, remoteCluster, status, failMode, createTimeMillis, remoteAppName, remoteReplicaCount,
        ImmutableSortedMap.copyOf(states));
  }
}
