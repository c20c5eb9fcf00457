package dev.pegasus.http.meta;

import static java.util.Objects.requireNonNull;

/**
 * One duplication of a table to a remote cluster, as {@code /meta/app/duplication} shows it.
 *
 * @param dupId the duplication id (Pegasus uses the creation time in seconds)
 * @param remoteCluster the name of the remote cluster
 * @param status the duplication's status
 * @param failMode what it does when shipping fails
 * @param createTimeMillis when it was created, epoch milliseconds
 */
public record Duplication(
    int dupId,
    String remoteCluster,
    DuplicationStatus status,
    DuplicationFailMode failMode,
    long createTimeMillis) {

  public Duplication {
    requireNonNull(remoteCluster, "remoteCluster");
    requireNonNull(status, "status");
    requireNonNull(failMode, "failMode");
  }
}
