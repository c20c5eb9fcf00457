package dev.pegasus.http.meta;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.SortedJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One consistent, immutable view of what a meta server knows: the tables (in app id order, with
 * their partitions and duplications), the replica servers and their liveness (in address order),
 * the cluster facts and the backup policies (in name order). An endpoint reads one snapshot per
 * request, so every number in a body comes from the same moment.
 *
 * <pre>{@code
 * MetaSnapshot snapshot = MetaSnapshot.builder()
 *     .cluster(ClusterFacts.builder().metaServers(List.of("127.0.0.1:34601")).build())
 *     .node(NodeState.alive(HostPort.parse("127.0.0.1:34801")))
 *     .table(Table.of(AppInfo.builder(2, "temp").partitionCount(8).build(), partitions))
 *     .build();
 * }</pre>
 */
public final class MetaSnapshot {

  private static final MetaSnapshot EMPTY = builder().build();

  private final ImmutableList<Table> tables;
  private final ImmutableList<NodeState> nodes;
  private final ClusterFacts cluster;
  private final ImmutableList<BackupPolicy> backupPolicies;
  private final ImmutableMap<String, Table> existingByName;

  private MetaSnapshot(Builder b) {
    this.tables =
        ImmutableList.sortedCopyOf(Comparator.comparingInt(t -> t.app().appId()), b.tables);
    this.nodes = ImmutableList.sortedCopyOf(Comparator.comparing(NodeState::address), b.nodes);
    this.cluster = requireNonNull(b.cluster, "cluster");
    this.backupPolicies =
        ImmutableList.sortedCopyOf(
            Comparator.comparing(BackupPolicy::name, SortedJson.BYTE_ORDER), b.backupPolicies);
    // The builder keeps one table per app id, one node per address and one policy per name.
    Map<String, Table> byName = new HashMap<>();
    for (Table t : tables) {
      if (t.app().status() != AppStatus.DROPPED) {
        checkArgument(
            byName.put(t.name(), t) == null,
            "two tables named %s exist (only one may not be DROPPED)",
            t.name());
      }
    }
    this.existingByName = ImmutableMap.copyOf(byName);
  }

  /** A cluster with no tables, no nodes, no policies and default {@link ClusterFacts}. */
  public static MetaSnapshot empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this snapshot's contents, to derive the next snapshot. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tables.addAll(tables);
    b.nodes.addAll(nodes);
    b.cluster = cluster;
    b.backupPolicies.addAll(backupPolicies);
    return b;
  }

  /** Every table the meta holds, whatever its status, in app id order. */
  public ImmutableList<Table> tables() {
    return tables;
  }

  /** The table of this name that is not DROPPED, if there is one. */
  public Optional<Table> table(String name) {
    return Optional.ofNullable(existingByName.get(name));
  }

  /** The replica servers, in address order. */
  public ImmutableList<NodeState> nodes() {
    return nodes;
  }

  public ClusterFacts cluster() {
    return cluster;
  }

  /** The cold-backup policies, in name order. */
  public ImmutableList<BackupPolicy> backupPolicies() {
    return backupPolicies;
  }

  /**
   * This snapshot after replica server {@code node} failed, as the meta records it before it
   * proposes new replicas: the node is UNALIVE and gone from every partition (see {@link
   * PartitionConfig#without}).
   */
  public MetaSnapshot withNodeDown(HostPort node) {
    Builder b = toBuilder();
    b.tables.clear();
    for (Table t : tables) {
      List<PartitionConfig> changed = new ArrayList<>(t.partitions().size());
      boolean any = false;
      for (PartitionConfig p : t.partitions()) {
        PartitionConfig q = p.without(node);
        any |= q != p;
        changed.add(q);
      }
      b.tables.add(any ? t.withPartitions(changed) : t);
    }
    return b.node(NodeState.unalive(node)).build();
  }

  /**
   * This snapshot with {@code node} ALIVE again (its replicas come back through new
   * configurations).
   */
  public MetaSnapshot withNodeUp(HostPort node) {
    return toBuilder().node(NodeState.alive(node)).build();
  }

  /** Builds a {@link MetaSnapshot}; {@link #build()} checks that table names are unique. */
  public static final class Builder {
    private final List<Table> tables = new ArrayList<>();
    private final List<NodeState> nodes = new ArrayList<>();
    private ClusterFacts cluster = ClusterFacts.builder().build();
    private final List<BackupPolicy> backupPolicies = new ArrayList<>();

    private Builder() {}

    /** Adds a table, or replaces the one with the same app id. */
    public Builder table(Table table) {
      tables.removeIf(t -> t.app().appId() == table.app().appId());
      tables.add(table);
      return this;
    }

    /** Replaces all tables. */
    public Builder tables(List<Table> all) {
      tables.clear();
      all.forEach(this::table);
      return this;
    }

    /** Removes the table with this app id, if any. */
    public Builder removeTable(int appId) {
      tables.removeIf(t -> t.app().appId() == appId);
      return this;
    }

    /** Adds a node, or replaces the one with the same address. */
    public Builder node(NodeState node) {
      nodes.removeIf(n -> n.address().equals(node.address()));
      nodes.add(node);
      return this;
    }

    /** Replaces all nodes. */
    public Builder nodes(List<NodeState> all) {
      nodes.clear();
      all.forEach(this::node);
      return this;
    }

    public Builder cluster(ClusterFacts cluster) {
      this.cluster = cluster;
      return this;
    }

    /** Adds a backup policy, or replaces the one with the same name. */
    public Builder backupPolicy(BackupPolicy policy) {
      backupPolicies.removeIf(p -> p.name().equals(policy.name()));
      backupPolicies.add(policy);
      return this;
    }

    /** Replaces all backup policies. */
    public Builder backupPolicies(List<BackupPolicy> all) {
      backupPolicies.clear();
      all.forEach(this::backupPolicy);
      return this;
    }

    public MetaSnapshot build() {
      return new MetaSnapshot(this);
    }
  }
}
