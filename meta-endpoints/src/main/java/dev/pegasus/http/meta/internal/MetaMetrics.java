package dev.pegasus.http.meta.internal;

import static dev.pegasus.http.meta.internal.MetaPrototypes.ALIVE_REPLICA_SERVERS;
import static dev.pegasus.http.meta.internal.MetaPrototypes.PARTITION;
import static dev.pegasus.http.meta.internal.MetaPrototypes.PARTITION_CONFIGURATION_CHANGES;
import static dev.pegasus.http.meta.internal.MetaPrototypes.REPLICA_SERVER_DISCONNECTIONS;
import static dev.pegasus.http.meta.internal.MetaPrototypes.TABLE;
import static dev.pegasus.http.meta.internal.MetaPrototypes.TABLE_GAUGES;
import static dev.pegasus.http.meta.internal.MetaPrototypes.UNALIVE_REPLICA_SERVERS;
import static dev.pegasus.http.meta.internal.MetaPrototypes.UNWRITABLE_PARTITION_CHANGES;
import static dev.pegasus.http.meta.internal.MetaPrototypes.WRITABLE_PARTITION_CHANGES;

import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.metrics.Counter;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.meta.HostPort;
import dev.pegasus.http.meta.MetaLeadership;
import dev.pegasus.http.meta.MetaSnapshot;
import dev.pegasus.http.meta.MetaState;
import dev.pegasus.http.meta.NodeState;
import dev.pegasus.http.meta.PartitionConfig;
import dev.pegasus.http.meta.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meta server's master metrics, observed from its {@link MetaState}: the {@code server}
 * entity's {@code alive_replica_servers}, {@code unalive_replica_servers} and {@code
 * replica_server_disconnections} (ALIVE to UNALIVE transitions); a {@code table@<app_id>} entity
 * per available table with master's five health gauges; a {@code partition@<app_id>.<pidx>}
 * entity per partition counting its configuration changes (ballot steps) and its changes to
 * unwritable and to writable.
 *
 * <p>{@code MetaState} has no change notification, so this compares snapshots: every {@link
 * #POLL_INTERVAL} and whenever a gauge is read (the gauges are always those of the current
 * snapshot). Two changes within one interval count as one; several ballot steps between two
 * snapshots count as that many configuration changes. As on master, only the primary meta
 * maintains them: a backup's table and partition entities retire, and its server gauges read 0.
 */
final class MetaMetrics implements AutoCloseable {

  /** How often the snapshot is compared with the previous one. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(MetaMetrics.class);

  private final MetricRegistry registry;
  private final MetaState state;
  private final MetaLeadership leadership;
  private final Counter disconnections;
  private final Map<Integer, TrackedTable> tables = new HashMap<>();
  private final Map<HostPort, Boolean> alive = new HashMap<>();
  private MetaSnapshot last;
  private volatile long aliveCount;
  private volatile long unaliveCount;
  private volatile ImmutableMap<Integer, int[]> health = ImmutableMap.of();
  private ScheduledExecutorService poller;

  /** A table's entities and the partition configurations last seen. */
  private static final class TrackedTable {
    final MetricEntity table;
    final List<MetricEntity> partitions = new ArrayList<>();
    final List<PartitionConfig> configs = new ArrayList<>();

    TrackedTable(MetricEntity table) {
      this.table = table;
    }
  }

  MetaMetrics(MetricRegistry registry, MetaState state, MetaLeadership leadership) {
    this.registry = registry;
    this.state = state;
    this.leadership = leadership;
    MetricEntity server = registry.server();
    server.gauge(ALIVE_REPLICA_SERVERS, () -> refreshed().aliveCount);
    server.gauge(UNALIVE_REPLICA_SERVERS, () -> refreshed().unaliveCount);
    disconnections = server.counter(REPLICA_SERVER_DISCONNECTIONS);
  }

  /** Compares snapshots every {@link #POLL_INTERVAL} from now on. */
  synchronized void start(String serverName) {
    if (poller != null) {
      return;
    }
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pegasus-meta-metrics-" + serverName);
              t.setDaemon(true);
              return t;
            });
    long period = POLL_INTERVAL.toMillis();
    poller.scheduleWithFixedDelay(this::refreshSafely, 0, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }

  private void refreshSafely() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // An escaping exception would cancel the schedule.
      log.warn("meta metrics: could not observe the meta state", e);
    }
  }

  private MetaMetrics refreshed() {
    refresh();
    return this;
  }

  /** Observes the current snapshot, if it is not the one seen last. */
  synchronized void refresh() {
    if (!leadership.isPrimary()) {
      standDown();
      return;
    }
    MetaSnapshot now = state.snapshot();
    if (now == last) {
      return;
    }
    boolean baseline = last == null;
    last = now;
    observeNodes(now, baseline);
    observeTables(now);
  }

  /** A backup maintains nothing, as master's (its server state is not loaded). */
  private void standDown() {
    if (last == null && tables.isEmpty()) {
      return;
    }
    for (TrackedTable t : tables.values()) {
      retire(t);
    }
    tables.clear();
    alive.clear();
    health = ImmutableMap.of();
    aliveCount = 0;
    unaliveCount = 0;
    last = null;
  }

  private void observeNodes(MetaSnapshot now, boolean baseline) {
    long up = 0;
    long down = 0;
    for (NodeState n : now.nodes()) {
      Boolean before = alive.put(n.address(), n.alive());
      if (n.alive()) {
        up++;
      } else {
        down++;
        if (!baseline && Boolean.TRUE.equals(before)) {
          disconnections.increment();
        }
      }
    }
    aliveCount = up;
    unaliveCount = down;
  }

  private void observeTables(MetaSnapshot now) {
    Set<Integer> present = new HashSet<>();
    ImmutableMap.Builder<Integer, int[]> counts = ImmutableMap.builder();
    for (Table table : now.tables()) {
      if (!table.isAvailable()) {
        continue;
      }
      int appId = table.app().appId();
      present.add(appId);
      TrackedTable tracked = tables.computeIfAbsent(appId, this::open);
      int[] byStatus = new int[MasterPartitionStatus.values().length];
      List<PartitionConfig> configs = table.partitions();
      for (int i = 0; i < configs.size(); i++) {
        PartitionConfig config = configs.get(i);
        byStatus[MasterPartitionStatus.of(config).ordinal()]++;
        observePartition(tracked, appId, i, config);
      }
      while (tracked.partitions.size() > configs.size()) {
        registry.retire(tracked.partitions.remove(tracked.partitions.size() - 1).id());
        tracked.configs.remove(tracked.configs.size() - 1);
      }
      counts.put(appId, byStatus);
    }
    health = counts.buildKeepingLast();
    for (Integer gone : new HashSet<>(tables.keySet())) {
      if (!present.contains(gone)) {
        retire(tables.remove(gone));
      }
    }
  }

  /** Counts what changed in one partition since the last snapshot; a new partition is a baseline. */
  private void observePartition(TrackedTable tracked, int appId, int pidx, PartitionConfig config) {
    if (pidx >= tracked.partitions.size()) {
      tracked.partitions.add(openPartition(appId, pidx));
      tracked.configs.add(config);
      return;
    }
    PartitionConfig before = tracked.configs.set(pidx, config);
    if (before.equals(config)) {
      return;
    }
    MetricEntity partition = tracked.partitions.get(pidx);
    // Every configuration change steps the ballot by one; a change without a new ballot is one.
    long steps = config.ballot() > before.ballot() ? config.ballot() - before.ballot() : 1;
    partition.counter(PARTITION_CONFIGURATION_CHANGES).add(steps);
    boolean wasWritable = MasterPartitionStatus.of(before).writable();
    boolean isWritable = MasterPartitionStatus.of(config).writable();
    if (wasWritable && !isWritable) {
      partition.counter(UNWRITABLE_PARTITION_CHANGES).increment();
    } else if (!wasWritable && isWritable) {
      partition.counter(WRITABLE_PARTITION_CHANGES).increment();
    }
  }

  private TrackedTable open(int appId) {
    MetricEntity table =
        registry.entity(TABLE, TABLE + '@' + appId, ImmutableMap.of("table_id", Integer.toString(appId)));
    for (MasterPartitionStatus status : MasterPartitionStatus.values()) {
      table.gauge(TABLE_GAUGES[status.ordinal()], () -> healthCount(appId, status));
    }
    return new TrackedTable(table);
  }

  private MetricEntity openPartition(int appId, int pidx) {
    MetricEntity partition =
        registry.entity(
            PARTITION,
            PARTITION + '@' + appId + '.' + pidx,
            ImmutableMap.of("table_id", Integer.toString(appId), "partition_id", Integer.toString(pidx)));
    partition.counter(PARTITION_CONFIGURATION_CHANGES);
    partition.counter(UNWRITABLE_PARTITION_CHANGES);
    partition.counter(WRITABLE_PARTITION_CHANGES);
    return partition;
  }

  private long healthCount(int appId, MasterPartitionStatus status) {
    refresh();
    int[] counts = health.get(appId);
    return counts == null ? 0 : counts[status.ordinal()];
  }

  private void retire(TrackedTable t) {
    registry.retire(t.table.id());
    for (MetricEntity p : t.partitions) {
      registry.retire(p.id());
    }
  }
}
