package dev.pegasus.http.replica.spi;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A replica this server hosts: its partition, the table's name, whether this server is its
 * primary or a secondary, its last committed decree, on a primary its duplications, the data
 * version of its storage ({@code /replica/data_version}; Pegasus's {@code pegasus_data_version},
 * 1 unless the host says otherwise) and where it is in a manual compaction ({@code
 * /replica/manual_compaction}). Only primaries' duplications are reported by {@code
 * /replica/duplication}, as in Pegasus.
 */
public record HostedReplica(
    Gpid gpid,
    String table,
    ReplicaRole role,
    long lastCommittedDecree,
    ImmutableList<DuplicationProgress> duplications,
    int dataVersion,
    ManualCompactionStatus manualCompaction) {

  /** The data version of a replica whose host does not say: Pegasus's current one. */
  public static final int DEFAULT_DATA_VERSION = 1;

  public HostedReplica {
    Objects.requireNonNull(gpid, "gpid");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(manualCompaction, "manualCompaction");
    checkArgument(table != null && !table.isEmpty(), "replica %s needs a table name", gpid);
    checkArgument(lastCommittedDecree >= -1, "last committed decree below -1: %s", lastCommittedDecree);
    checkArgument(dataVersion >= 0, "negative data version: %s", dataVersion);
    duplications = ImmutableList.copyOf(duplications);
    Set<Integer> ids = new HashSet<>();
    for (DuplicationProgress d : duplications) {
      checkArgument(ids.add(d.dupId()), "replica %s lists dupid %s twice", gpid, d.dupId());
    }
  }

  /** A replica at {@link #DEFAULT_DATA_VERSION}, never compacted manually. */
  public HostedReplica(
      Gpid gpid,
      String table,
      ReplicaRole role,
      long lastCommittedDecree,
      ImmutableList<DuplicationProgress> duplications) {
    this(gpid, table, role, lastCommittedDecree, duplications, DEFAULT_DATA_VERSION, ManualCompactionStatus.IDLE);
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
    return new HostedReplica(
        gpid, table, role, lastCommittedDecree, ImmutableList.copyOf(others), dataVersion, manualCompaction);
  }

  /** The same replica with another last committed decree. */
  public HostedReplica withLastCommittedDecree(long decree) {
    return new HostedReplica(gpid, table, role, decree, duplications, dataVersion, manualCompaction);
  }

  /** The same replica with another data version. */
  public HostedReplica withDataVersion(int version) {
    return new HostedReplica(gpid, table, role, lastCommittedDecree, duplications, version, manualCompaction);
  }

  /** The same replica in another manual-compaction status. */
  public HostedReplica withManualCompaction(ManualCompactionStatus status) {
    return new HostedReplica(gpid, table, role, lastCommittedDecree, duplications, dataVersion, status);
  }

  /** The remote table {@code duplication} ships to: its own name, or this replica's table's. */
  public String remoteAppName(DuplicationProgress duplication) {
    return duplication.remoteAppName().isEmpty() ? table : duplication.remoteAppName();
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
