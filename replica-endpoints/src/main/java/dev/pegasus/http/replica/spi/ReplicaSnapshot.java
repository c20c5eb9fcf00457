package dev.pegasus.http.replica.spi;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a replica server hosts at one moment: every replica with its role, duplication
 * progress, data version and manual-compaction status, ordered by gpid, and whether duplication is enabled on this server. Immutable, so
 * that an endpoint reads one consistent view; build one with {@link #builder()}.
 *
 * <pre>{@code
 * ReplicaSnapshot s = ReplicaSnapshot.builder()
 *     .put(HostedReplica.primary(new Gpid(1, 1), "temp", 1100,
 *         new DuplicationProgress(1583306653, FailMode.FAIL_SLOW, true, 1000, 1050)))
 *     .put(HostedReplica.secondary(new Gpid(1, 2), "temp", 1100))
 *     .build();
 * }</pre>
 */
public record ReplicaSnapshot(boolean duplicationEnabled, ImmutableList<HostedReplica> replicas) {

  private static final ReplicaSnapshot EMPTY = new ReplicaSnapshot(true, ImmutableList.of());

  public ReplicaSnapshot {
    replicas = ImmutableList.sortedCopyOf((a, b) -> a.gpid().compareTo(b.gpid()), replicas);
    for (int i = 1; i < replicas.size(); i++) {
      checkArgument(
          !replicas.get(i).gpid().equals(replicas.get(i - 1).gpid()),
          "replica %s listed twice",
          replicas.get(i).gpid());
    }
  }

  /** No replicas, duplication enabled. */
  public static ReplicaSnapshot empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this snapshot, to change a few replicas. */
  public Builder toBuilder() {
    Builder b = new Builder().duplicationEnabled(duplicationEnabled);
    replicas.forEach(b::put);
    return b;
  }

  /** The replicas of this app for which this server is primary, in partition order. */
  public List<HostedReplica> primariesOf(int appId) {
    return replicas.stream().filter(r -> r.gpid().appId() == appId && r.isPrimary()).toList();
  }

  /** Every replica of this app hosted here, primary or secondary, in partition order. */
  public List<HostedReplica> replicasOf(int appId) {
    return replicas.stream().filter(r -> r.gpid().appId() == appId).toList();
  }

  /** The replica of this partition, if this server hosts it. */
  public Optional<HostedReplica> find(Gpid gpid) {
    return replicas.stream().filter(r -> r.gpid().equals(gpid)).findFirst();
  }

  /** Builds a {@link ReplicaSnapshot}; a later {@link #put} for the same gpid replaces the earlier. */
  public static final class Builder {
    private boolean duplicationEnabled = true;
    private final Map<Gpid, HostedReplica> replicas = new TreeMap<>();

    private Builder() {}

    /** Whether duplication is enabled on this server ({@code [replication] duplication_enabled}). */
    public Builder duplicationEnabled(boolean enabled) {
      this.duplicationEnabled = enabled;
      return this;
    }

    /** Adds a replica, or replaces the one with the same gpid. */
    public Builder put(HostedReplica replica) {
      replicas.put(replica.gpid(), replica);
      return this;
    }

    public Builder putAll(Collection<HostedReplica> all) {
      all.forEach(this::put);
      return this;
    }

    /** Drops the replica of this partition, if any. */
    public Builder remove(Gpid gpid) {
      replicas.remove(gpid);
      return this;
    }

    public ReplicaSnapshot build() {
      return new ReplicaSnapshot(duplicationEnabled, ImmutableList.copyOf(replicas.values()));
    }
  }
}
