package dev.pegasus.http.replica.spi;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A replica this server hosts: its partition, the table's name, whether this server is its
 * primary or a secondary, its last committed decree and, on a primary, its duplications. Only
 * primaries' duplications are reported by {@code /replica/duplication}, as in Pegasus.
 */
public record HostedReplica(
    Gpid gpid,
    String table,
    ReplicaRole role,
    long lastCommittedDecree,
    ImmutableList<DuplicationProgress> duplications) {

  public HostedReplica {
    Objects.requireNonNull(gpid, "gpid");
    Objects.requireNonNull(role, "role");
    checkArgument(table != null && !table.isEmpty(), "replica %s needs a table name", gpid);
    checkArgument(lastCommittedDecree >= -1, "last committed decree below -1: %s", lastCommittedDecree);
    duplications = ImmutableList.copyOf(duplications);
    Set<Integer> ids = new HashSet<>();
    for (DuplicationProgress d : duplications) {
      checkArgument(ids.add(d.dupId()), "replica %s lists dupid %s twice", gpid, d.dupId());
    }
  }

  /** A primary replica with these duplications. */
  public static HostedReplica primary(
      Gpid gpid, String table, long lastCommittedDecree, DuplicationProgress... duplications) {
    return new HostedReplica(
        gpid, table, ReplicaRole.PRIMARY, lastCommittedDecree, ImmutableList.copyOf(duplications));
  }

  /** A secondary replica. */
  public static HostedReplica secondary(Gpid gpid, String table, long lastCommittedDecree) {
    return new HostedReplica(gpid, table, ReplicaRole.SECONDARY, lastCommittedDecree, ImmutableList.of());
  }

  public boolean isPrimary() {
    return role == ReplicaRole.PRIMARY;
  }

  /** The same replica with other duplications. */
  public HostedReplica withDuplications(List<DuplicationProgress> others) {
    return new HostedReplica(gpid, table, role, lastCommittedDecree, ImmutableList.copyOf(others));
  }

  /** The same replica with another last committed decree. */
  public HostedReplica withLastCommittedDecree(long decree) {
    return new HostedReplica(gpid, table, role, decree, duplications);
  }

  /** {@code max(0, last committed − confirmed)}: mutations not yet confirmed to the meta server. */
  public long notConfirmedMutations(DuplicationProgress duplication) {
    return Math.max(0, lastCommittedDecree - duplication.confirmedDecree());
  }

  /** {@code max(0, last committed − last shipped)}: mutations not yet shipped. */
  public long notDuplicatedMutations(DuplicationProgress duplication) {
    return Math.max(0, lastCommittedDecree - duplication.lastShippedDecree());
  }
}
