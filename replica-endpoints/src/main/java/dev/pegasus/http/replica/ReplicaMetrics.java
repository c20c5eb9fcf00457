package dev.pegasus.http.replica;

import static dev.pegasus.http.replica.ReplicaPrototypes.CLOSING_REPLICAS;
import static dev.pegasus.http.replica.ReplicaPrototypes.DISK;
import static dev.pegasus.http.replica.ReplicaPrototypes.DISK_CAPACITY_AVAIL_MB;
import static dev.pegasus.http.replica.ReplicaPrototypes.DISK_CAPACITY_TOTAL_MB;
import static dev.pegasus.http.replica.ReplicaPrototypes.ERROR_REPLICAS;
import static dev.pegasus.http.replica.ReplicaPrototypes.INACTIVE_REPLICAS;
import static dev.pegasus.http.replica.ReplicaPrototypes.LEARNING_REPLICAS;
import static dev.pegasus.http.replica.ReplicaPrototypes.OPENING_REPLICAS;
import static dev.pegasus.http.replica.ReplicaPrototypes.PRIMARY_REPLICAS;
import static dev.pegasus.http.replica.ReplicaPrototypes.REPLICA;
import static dev.pegasus.http.replica.ReplicaPrototypes.SECONDARY_REPLICAS;
import static dev.pegasus.http.replica.ReplicaPrototypes.SPLITTING_REPLICAS;
import static dev.pegasus.http.replica.ReplicaPrototypes.TOTAL_REPLICAS;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaRole;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a replica server's master-style metrics in step with what it hosts, as {@link
 * ReplicaCounters} does for the perf counters: {@link #sync} creates a {@code replica} entity
 * {@code replica@<app_id>.<pidx>} (attributes {@code table_id}, {@code partition_id}) with every
 * metric of {@link ReplicaPrototypes} for each hosted partition, primary or secondary, and
 * retires the entities of partitions that went away (they stay visible, frozen, for the
 * registry's retirement delay; a partition taken up again gets the same entity back). The {@code
 * server} entity's replica counts are read from the latest snapshot; {@link #disk} adds a data
 * directory's {@code disk@<tag>} entity.
 *
 * <pre>{@code
 * ReplicaMetrics metrics = new ReplicaMetrics(server.metrics());
 * state.subscribe(metrics::sync);
 * metrics.replica(new Gpid(2, 0)).orElseThrow().counter(ReplicaPrototypes.GET_REQUESTS).increment();
 * }</pre>
 *
 * <p>Use one per registry: the server gauges are callbacks, and a second instance's are ignored.
 */
public final class ReplicaMetrics {

  private static final long MEGABYTE = 1024 * 1024;

  private final MetricRegistry registry;
  private final Map<Gpid, MetricEntity> hosted = new ConcurrentHashMap<>();
  private volatile ReplicaSnapshot latest = ReplicaSnapshot.empty();

  /** Registers the {@code server} entity's replica counts in {@code registry}. */
  public ReplicaMetrics(MetricRegistry registry) {
    this.registry = registry;
    MetricEntity server = registry.server();
    server.gauge(TOTAL_REPLICAS, () -> latest.replicas().size());
    server.gauge(PRIMARY_REPLICAS, () -> count(ReplicaRole.PRIMARY));
    server.gauge(SECONDARY_REPLICAS, () -> count(ReplicaRole.SECONDARY));
    // The SPI lists serving replicas only (primary or secondary): none is opening, closing,
    // inactive, in error, learning or splitting. The gauges are there because the shell's
    // server_stat reads them by name.
    for (MetricPrototype none :
        new MetricPrototype[] {
          OPENING_REPLICAS, CLOSING_REPLICAS, INACTIVE_REPLICAS, ERROR_REPLICAS, LEARNING_REPLICAS, SPLITTING_REPLICAS
        }) {
      server.gauge(none, () -> 0);
    }
  }

  /** The id of a hosted partition's entity, e.g. {@code replica@2.3}. */
  public static String entityId(Gpid gpid) {
    return REPLICA + '@' + gpid;
  }

  /** Creates the entities of what {@code snapshot} hosts and retires the others. */
  public synchronized void sync(ReplicaSnapshot snapshot) {
    latest = snapshot;
    Set<Gpid> wanted = new HashSet<>();
    for (HostedReplica r : snapshot.replicas()) {
      wanted.add(r.gpid());
    }
    for (Gpid gone : new HashSet<>(hosted.keySet())) {
      if (!wanted.contains(gone)) {
        registry.retire(entityId(gone));
        hosted.remove(gone);
      }
    }
    for (Gpid gpid : wanted) {
      hosted.computeIfAbsent(gpid, this::open);
    }
  }

  /** The entity of a partition, with all its metrics defined (again, if it is taken up again). */
  private MetricEntity open(Gpid gpid) {
    MetricEntity entity =
        registry.entity(
            REPLICA,
            entityId(gpid),
            ImmutableMap.of(
                "table_id", Integer.toString(gpid.appId()), "partition_id", Integer.toString(gpid.partitionIndex())));
    // Master defines every metric when the replica opens, so a scrape sees all of them from the
    // start (a rate over a counter needs its zero).
    for (MetricPrototype p : ReplicaPrototypes.REPLICA_METRICS) {
      define(entity, p);
    }
    return entity;
  }

  private static void define(MetricEntity entity, MetricPrototype p) {
    switch (p.type()) {
      case GAUGE -> entity.gauge(p);
      case COUNTER -> entity.counter(p);
      case VOLATILE_COUNTER -> entity.volatileCounter(p);
      case PERCENTILE -> entity.percentile(p);
    }
  }

  private long count(ReplicaRole role) {
    long n = 0;
    for (HostedReplica r : latest.replicas()) {
      if (r.role() == role) {
        n++;
      }
    }
    return n;
  }

  /** The entity of a hosted partition. */
  public Optional<MetricEntity> replica(Gpid gpid) {
    return Optional.ofNullable(hosted.get(gpid));
  }

  /** The partitions that have an active entity. */
  public ImmutableSet<Gpid> partitions() {
    return ImmutableSet.copyOf(hosted.keySet());
  }

  /**
   * Adds (or takes up again) the {@code disk@<tag>} entity of a data directory (attributes {@code
   * tag}, {@code data_dir}), whose capacity gauges read the directory's file store on every read
   * (0 while it cannot be read).
   */
  public MetricEntity disk(String tag, Path dataDir) {
    MetricEntity disk =
        registry.entity(DISK, DISK + '@' + tag, ImmutableMap.of("tag", tag, "data_dir", dataDir.toString()));
    disk.gauge(DISK_CAPACITY_TOTAL_MB, () -> megabytes(dataDir, FileStore::getTotalSpace));
    disk.gauge(DISK_CAPACITY_AVAIL_MB, () -> megabytes(dataDir, FileStore::getUsableSpace));
    return disk;
  }

  /** Retires a data directory's entity (a disk taken out of service). */
  public boolean retireDisk(String tag) {
    return registry.retire(DISK + '@' + tag);
  }

  private static long megabytes(Path dir, IoLongFunction<FileStore> space) {
    try {
      return space.apply(Files.getFileStore(dir)) / MEGABYTE;
    } catch (IOException | RuntimeException unreadable) {
      return 0;
    }
  }

  /** A function to a long that may throw what {@link FileStore} throws. */
  @FunctionalInterface
  private interface IoLongFunction<T> {
    long apply(T t) throws IOException;
  }
}
