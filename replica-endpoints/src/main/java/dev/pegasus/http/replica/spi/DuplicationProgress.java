package dev.pegasus.http.replica.spi;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * One duplication running on a primary replica: its id (in Pegasus the creation time in
 * seconds), its fail mode, whether it is paused, and how far it got: {@code confirmedDecree} is
 * the progress already persisted to the meta server, {@code lastShippedDecree} the last mutation
 * shipped to the remote cluster. Pegasus uses -1 for "none yet". {@code remoteAppName} is the
 * table's name in the remote cluster; empty means the local table's name, which is what Pegasus
 * uses when a duplication is added without one ({@link HostedReplica#remoteAppName}).
 */
public record DuplicationProgress(
    int dupId,
    FailMode failMode,
    boolean paused,
    long confirmedDecree,
    long lastShippedDecree,
    String remoteAppName) {

  public DuplicationProgress {
    checkArgument(dupId >= 0, "negative dupid: %s", dupId);
    Objects.requireNonNull(failMode, "failMode");
    Objects.requireNonNull(remoteAppName, "remoteAppName");
    checkArgument(confirmedDecree >= -1, "confirmed decree below -1: %s", confirmedDecree);
    checkArgument(lastShippedDecree >= -1, "last shipped decree below -1: %s", lastShippedDecree);
  }

  /** A duplication to a table of the same name in the remote cluster. */
  public DuplicationProgress(
      int dupId, FailMode failMode, boolean paused, long confirmedDecree, long lastShippedDecree) {
    this(dupId, failMode, paused, confirmedDecree, lastShippedDecree, "");
  }

  /** True when the duplicator is not paused; the {@code duplicating} field on the wire. */
  public boolean duplicating() {
    return !paused;
  }

  /** The same duplication to another remote table name (empty: the local table's name). */
  public DuplicationProgress withRemoteAppName(String name) {
    return new DuplicationProgress(dupId, failMode, paused, confirmedDecree, lastShippedDecree, name);
  }
}
