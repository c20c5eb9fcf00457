package dev.pegasus.http.replica;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.pegasus.http.core.PerfCounter;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.RateCounter;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a replica server's per-partition counters in step with what it hosts: {@link #sync}
 * registers every {@link ReplicaCounter} for each hosted partition (primary or secondary) and
 * {@code replica*eon.replica*backup_request_qps@<table>} for each hosted table, and removes the
 * counters of partitions and tables that went away. The counters are then readable through
 * {@code /perfCounter} and {@code /perfCounters?prefix=}.
 *
 * <pre>{@code
 * ReplicaCounters counters = new ReplicaCounters(server.counters());
 * state.subscribe(counters::sync);
 * counters.partition(new Gpid(2, 0)).orElseThrow().rate(ReplicaCounter.GET_QPS).increment();
 * }</pre>
 */
public final class ReplicaCounters {

  /** The app part of a replica server's counter names. */
  public static final String DEFAULT_APP = "replica";

  private static final String BACKUP_REQUEST_QPS = "backup_request_qps@";

  private final PerfCounters registry;
  private final String app;
  private final ImmutableSet<ReplicaCounter> registered;
  private final Map<Gpid, PartitionCounters> partitions = new ConcurrentHashMap<>();
  private final Map<String, RateCounter> backupRequestQps = new ConcurrentHashMap<>();

  /** Counters named {@code replica*...}. */
  public ReplicaCounters(PerfCounters registry) {
    this(registry, DEFAULT_APP);
  }

  /** Counters named {@code <app>*...}, for a server whose role is not {@code replica}. */
  public ReplicaCounters(PerfCounters registry, String app) {
    this(registry, app, EnumSet.allOf(ReplicaCounter.class));
  }

  /**
   * Only the chosen counters of each partition. Each PERCENTILE counter keeps a window of samples
   * (about 40 KB), so a host with many partitions may leave the latencies out.
   */
  public ReplicaCounters(PerfCounters registry, String app, Set<ReplicaCounter> registered) {
    PerfCounters.fullName(app, ReplicaCounter.APP_PEGASUS, "x"); // validates app
    this.registry = registry;
    this.app = app;
    this.registered = Sets.immutableEnumSet(registered);
  }

  /**
   * The full name of a table's backup-request rate, e.g. {@code
   * replica*eon.replica*backup_request_qps@temp}.
   */
  public static String backupRequestQpsName(String app, String table) {
    return PerfCounters.fullName(app, ReplicaCounter.EON_REPLICA, BACKUP_REQUEST_QPS + table);
  }

  /** Registers the counters of what {@code snapshot} hosts and removes the others. */
  public void sync(ReplicaSnapshot snapshot) {
    sync(snapshot.replicas());
  }

  /** Registers the counters of these replicas and removes the others. */
  public synchronized void sync(Collection<HostedReplica> hosted) {
    Map<Gpid, HostedReplica> wanted = new HashMap<>();
    Set<String> tables = new HashSet<>();
    for (HostedReplica r : hosted) {
      wanted.put(r.gpid(), r);
      tables.add(r.table());
    }
    for (Gpid gone : new HashSet<>(partitions.keySet())) {
      if (!wanted.containsKey(gone)) {
        for (ReplicaCounter c : registered) {
          registry.remove(c.fullName(app, gone));
        }
        partitions.remove(gone);
      }
    }
    for (Gpid gpid : wanted.keySet()) {
      partitions.computeIfAbsent(gpid, this::register);
    }
    for (String gone : new HashSet<>(backupRequestQps.keySet())) {
      if (!tables.contains(gone)) {
        registry.remove(backupRequestQpsName(app, gone));
        backupRequestQps.remove(gone);
      }
    }
    for (String table : tables) {
      // rDSN describes this counter by its own name.
      backupRequestQps.computeIfAbsent(
          table, t -> registry.rate(app, ReplicaCounter.EON_REPLICA, BACKUP_REQUEST_QPS + t, BACKUP_REQUEST_QPS + t));
    }
  }

  private PartitionCounters register(Gpid gpid) {
    EnumMap<ReplicaCounter, PerfCounter> all = new EnumMap<>(ReplicaCounter.class);
    for (ReplicaCounter c : registered) {
      String name = c.nameFor(gpid);
      String description = c.descriptionFor(gpid);
      PerfCounter counter =
          switch (c.type()) {
            case NUMBER -> registry.number(app, c.section(), name, description);
            case VOLATILE_NUMBER -> registry.volatileNumber(app, c.section(), name, description);
            case RATE -> registry.rate(app, c.section(), name, description);
            case NUMBER_PERCENTILES -> registry.percentile(app, c.section(), name, description);
          };
      all.put(c, counter);
    }
    return new PartitionCounters(gpid, all);
  }

  /** The counters of a hosted partition. */
  public Optional<PartitionCounters> partition(Gpid gpid) {
    return Optional.ofNullable(partitions.get(gpid));
  }

  /** The backup-request rate of a hosted table. */
  public Optional<RateCounter> backupRequestQps(String table) {
    return Optional.ofNullable(backupRequestQps.get(table));
  }

  /** The partitions whose counters are registered. */
  public ImmutableSet<Gpid> partitions() {
    return ImmutableSet.copyOf(partitions.keySet());
  }
}
