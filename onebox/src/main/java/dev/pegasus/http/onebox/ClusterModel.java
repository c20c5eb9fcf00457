package dev.pegasus.http.onebox;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.pegasus.http.meta.AppInfo;
import dev.pegasus.http.meta.BackupPolicy;
import dev.pegasus.http.meta.ClusterFacts;
import dev.pegasus.http.meta.Duplication;
import dev.pegasus.http.meta.DuplicationFailMode;
import dev.pegasus.http.meta.DuplicationStatus;
import dev.pegasus.http.meta.HostPort;
import dev.pegasus.http.meta.MetaSnapshot;
import dev.pegasus.http.meta.NodeState;
import dev.pegasus.http.meta.PartitionConfig;
import dev.pegasus.http.meta.Table;
import dev.pegasus.http.replica.spi.DuplicationProgress;
import dev.pegasus.http.replica.spi.FailMode;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated cluster behind the onebox: its tables (with their envs) and where each
 * partition's replicas live, which replica servers are alive, how far each partition's log has
 * come, each replica's manual compaction, and one duplication on {@code temp}. It answers with the meta's snapshot and each replica server's own view; a replica
 * server's failure and return change both as Pegasus's meta would (a failed primary hands over to
 * its first secondary; a returning server comes back as a secondary).
 */
final class ClusterModel {

  /** The remote cluster the {@code temp} table duplicates to. */
  static final String REMOTE_CLUSTER = "onebox2";

  private static final String DUPLICATED_TABLE = "temp";
  private static final long DUPLICATION_CREATE_SECOND = 1_583_748_830L;

  private final ImmutableList<HostPort> nodes;
  private final Map<HostPort, Boolean> alive = new LinkedHashMap<>();
  private final List<TableModel> tables = new ArrayList<>();
  private ClusterFacts facts;
  private final long createSecond;
  private final ManualCompactions compactions = new ManualCompactions(ZoneId.systemDefault());

  /** One table: its facts (the envs change), its mutable partitions and its data version. */
  private static final class TableModel {
    /** Replaced when an env is set through the meta (the rest of it never changes). */
    AppInfo app;
    final int dataVersion = HostedReplica.DEFAULT_DATA_VERSION;
    final PartitionConfig[] partitions;
    final long[] committedDecree;
    final List<List<HostPort>> lost = new ArrayList<>();
    final ImmutableList<Duplication> duplications;

    TableModel(AppInfo app, PartitionConfig[] partitions, ImmutableList<Duplication> duplications) {
      this.app = app;
      this.partitions = partitions;
      this.committedDecree = new long[partitions.length];
      this.duplications = duplications;
      for (int i = 0; i < partitions.length; i++) {
        lost.add(new ArrayList<>());
      }
    }
  }

  /**
   * A cluster whose tables (name → partition count, in app id order from 1) are spread round-robin
   * over {@code nodes}, {@code replication} replicas per partition, all alive and healthy.
   */
  ClusterModel(
      List<HostPort> nodes, Map<String, Integer> tables, int replication, ClusterFacts facts, long createSecond) {
    checkArgument(!nodes.isEmpty(), "a cluster needs replica servers");
    checkArgument(
        replication >= 1 && replication <= nodes.size(),
        "replication %s does not fit %s replica servers",
        replication,
        nodes.size());
    this.nodes = ImmutableList.copyOf(nodes);
    this.facts = facts;
    this.createSecond = createSecond;
    nodes.forEach(n -> alive.put(n, true));
    int appId = 1;
    int offset = 0;
    for (Map.Entry<String, Integer> t : tables.entrySet()) {
      this.tables.add(newTable(appId++, t.getKey(), t.getValue(), replication, offset));
      offset += t.getValue();
    }
  }

  private TableModel newTable(int appId, String name, int partitionCount, int replication, int offset) {
    AppInfo app =
        AppInfo.builder(appId, name)
            .partitionCount(partitionCount)
            .maxReplicaCount(replication)
            .createSecond(createSecond)
            .envs(envsOf(name))
            .build();
    PartitionConfig[] partitions = new PartitionConfig[partitionCount];
    for (int p = 0; p < partitionCount; p++) {
      HostPort primary = nodes.get((offset + p) % nodes.size());
      List<HostPort> secondaries = new ArrayList<>();
      for (int r = 1; r < replication; r++) {
        secondaries.add(nodes.get((offset + p + r) % nodes.size()));
      }
      partitions[p] = PartitionConfig.of(p, 2, primary, secondaries, replication);
    }
    ImmutableList<Duplication> duplications =
        name.equals(DUPLICATED_TABLE)
            ? ImmutableList.of(
                new Duplication(
                    (int) DUPLICATION_CREATE_SECOND,
                    REMOTE_CLUSTER,
                    DuplicationStatus.START,
                    DuplicationFailMode.SLOW,
                    DUPLICATION_CREATE_SECOND * 1000))
            : ImmutableList.of();
    return new TableModel(app, partitions, duplications);
  }

  /** The envs of the original API page's example, on {@code temp}; one on every other table. */
  private static Map<String, String> envsOf(String table) {
    return table.equals(DUPLICATED_TABLE)
        ? ImmutableMap.of("replica.enable_slow_query_log", "true", "replica.slow_query_threshold", "20")
        : ImmutableMap.of("replica.slow_query_threshold", "100");
  }

  /** The table named {@code name}, with its current envs. */
  synchronized Optional<AppInfo> app(String name) {
    return tables.stream().filter(t -> t.app.appName().equals(name)).map(t -> t.app).findFirst();
  }

  /** Every table, in app id order, with its current envs. */
  synchronized List<AppInfo> apps() {
    return tables.stream().map(t -> t.app).toList();
  }

  /**
   * Replaces the envs of the table named {@code name} (what the meta stored in ZooKeeper); the
   * meta's snapshot and the replicas' views read them from here (the replicas follow the {@code
   * manual_compact.*} ones from the next {@link #advanceCompactions}). False if there is no such
   * table.
   */
  synchronized boolean envs(String name, Map<String, String> envs) {
    for (TableModel t : tables) {
      if (t.app.appName().equals(name)) {
        t.app = t.app.toBuilder().envs(envs).build();
        return true;
      }
    }
    return false;
  }

  /** Replaces the cluster facts (the meta list is known only once the metas are bound). */
  synchronized void facts(ClusterFacts newFacts) {
    this.facts = newFacts;
  }

  synchronized ImmutableList<HostPort> nodes() {
    return nodes;
  }

  synchronized boolean isAlive(HostPort node) {
    return alive.getOrDefault(node, false);
  }

  /**
   * Records the failure of a replica server: it is UNALIVE, and leaves every partition it served;
   * where it was primary, the first secondary takes over. False if it was already down.
   */
  synchronized boolean nodeDown(HostPort node) {
    if (!isAlive(node)) {
      return false;
    }
    alive.put(node, false);
    for (TableModel t : tables) {
      for (int p = 0; p < t.partitions.length; p++) {
        PartitionConfig c = t.partitions[p];
        if (!c.isServedBy(node)) {
          continue;
        }
        t.lost.get(p).add(node);
        List<HostPort> secondaries = new ArrayList<>(c.secondaries());
        secondaries.remove(node);
        HostPort primary = c.primary();
        if (node.equals(primary)) {
          primary = secondaries.isEmpty() ? null : secondaries.remove(0);
        }
        t.partitions[p] = PartitionConfig.of(p, c.ballot() + 1, primary, secondaries, c.maxReplicaCount());
      }
    }
    return true;
  }

  /**
   * Records a replica server's return: ALIVE again, and back as a secondary (or primary, where a
   * partition has none) in the partitions it had left. False if it was already up.
   */
  synchronized boolean nodeUp(HostPort node) {
    if (isAlive(node)) {
      return false;
    }
    alive.put(node, true);
    for (TableModel t : tables) {
      for (int p = 0; p < t.partitions.length; p++) {
        if (!t.lost.get(p).remove(node)) {
          continue;
        }
        PartitionConfig c = t.partitions[p];
        HostPort primary = c.primary();
        List<HostPort> secondaries = new ArrayList<>(c.secondaries());
        if (primary == null) {
          primary = node;
        } else {
          secondaries.add(node);
        }
        t.partitions[p] = PartitionConfig.of(p, c.ballot() + 1, primary, secondaries, c.maxReplicaCount());
      }
    }
    return true;
  }

  /** Moves partition {@code pidx} of the table with {@code appId} forward by {@code writes} mutations. */
  synchronized void commit(int appId, int pidx, long writes) {
    for (TableModel t : tables) {
      if (t.app.appId() == appId) {
        t.committedDecree[pidx] += writes;
      }
    }
  }

  /** One tick of every alive replica's manual compaction, after its table's envs ({@link ManualCompactions}). */
  synchronized void advanceCompactions(Instant now) {
    List<ManualCompactions.Hosted> hosted = new ArrayList<>();
    for (HostPort node : nodes) {
      for (TableModel t : tables) {
        for (PartitionConfig c : t.partitions) {
          if (isAlive(node) && c.isServedBy(node)) {
            hosted.add(new ManualCompactions.Hosted(node, new Gpid(t.app.appId(), c.pidx()), t.app.envs()));
          }
        }
      }
    }
    compactions.advance(now, hosted);
  }

  /** What the meta servers know now. */
  synchronized MetaSnapshot metaSnapshot() {
    MetaSnapshot.Builder b = MetaSnapshot.builder().cluster(facts);
    for (Map.Entry<HostPort, Boolean> n : alive.entrySet()) {
      b.node(n.getValue() ? NodeState.alive(n.getKey()) : NodeState.unalive(n.getKey()));
    }
    for (TableModel t : tables) {
      b.table(Table.of(t.app, List.of(t.partitions)).withDuplications(withProgress(t)));
    }
    int firstTable = tables.isEmpty() ? 1 : tables.get(0).app.appId();
    b.backupPolicy(
        new BackupPolicy(
            "every_day",
            "local_service",
            86_400,
            ImmutableSortedSet.of(firstTable),
            LocalTime.of(1, 30),
            true,
            3));
    return b.build();
  }

  /**
   * The table's duplications with master's per-partition progress, as the replicas report it
   * (confirmation trails the log by a few mutations).
   */
  private static List<Duplication> withProgress(TableModel t) {
    Map<Integer, Duplication.PartitionState> states = new HashMap<>();
    for (int p = 0; p < t.partitions.length; p++) {
      long committed = t.committedDecree[p];
      states.put(p, new Duplication.PartitionState(Math.max(-1, committed - 40), committed));
    }
    return t.duplications.stream().map(d -> d.withPartitionStates(states)).toList();
  }

  /**
   * What one replica server hosts now: its replicas with their roles, log positions, data
   * version and manual-compaction status, and on primaries of {@code temp} the duplication's
   * progress (shipping trails the log by a few mutations, confirmation by a few more; the remote
   * table has the same name).
   */
  synchronized ReplicaSnapshot replicaSnapshot(HostPort node) {
    ReplicaSnapshot.Builder b = ReplicaSnapshot.builder();
    if (!isAlive(node)) {
      return b.build();
    }
    for (TableModel t : tables) {
      for (int p = 0; p < t.partitions.length; p++) {
        PartitionConfig c = t.partitions[p];
        Gpid gpid = new Gpid(t.app.appId(), p);
        long committed = t.committedDecree[p];
        if (node.equals(c.primary())) {
          List<DuplicationProgress> progress = new ArrayList<>();
          for (Duplication d : t.duplications) {
            progress.add(
                new DuplicationProgress(
                    d.dupId(), FailMode.FAIL_SLOW, false, Math.max(-1, committed - 40), Math.max(-1, committed - 10)));
          }
          b.put(
              hosted(
                  t, node, HostedReplica.primary(gpid, t.app.appName(), committed, progress.toArray(DuplicationProgress[]::new))));
        } else if (c.secondaries().contains(node)) {
          b.put(hosted(t, node, HostedReplica.secondary(gpid, t.app.appName(), committed)));
        }
      }
    }
    return b.build();
  }

  private HostedReplica hosted(TableModel t, HostPort node, HostedReplica replica) {
    return replica.withDataVersion(t.dataVersion).withManualCompaction(compactions.status(node, replica.gpid()));
  }

  /** Partition counts per table name, in app id order. */
  synchronized Map<String, Integer> partitionCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    tables.forEach(t -> counts.put(t.app.appName(), t.partitions.length));
    return counts;
  }

  /** How many partitions of all tables lack a replica, for the console's status line. */
  synchronized Map<String, Integer> unhealthyPartitions() {
    Map<String, Integer> unhealthy = new HashMap<>();
    for (TableModel t : tables) {
      int n = 0;
      for (PartitionConfig c : t.partitions) {
        if (c.primary() == null || c.replicaCount() < c.maxReplicaCount()) {
          n++;
        }
      }
      unhealthy.put(t.app.appName(), n);
    }
    return unhealthy;
  }
}
