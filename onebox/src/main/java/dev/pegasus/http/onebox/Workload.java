package dev.pegasus.http.onebox;

import dev.pegasus.http.replica.PartitionStats;
import dev.pegasus.http.replica.ReplicaCounter;
import dev.pegasus.http.replica.ReplicaStats;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated client traffic, so that counters move: every second each running replica server's
 * primaries serve some reads and writes (more on partitions with a higher index, so that tables
 * and servers differ), record latencies and storage sizes, and move their logs forward; the
 * duplication's progress follows the log, and manual compactions move a step ({@link
 * ManualCompactions}).
 */
final class Workload implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Workload.class);

  /** Reads and writes per second per primary partition, before the per-partition spread. */
  private static final Map<String, int[]> RATES = Map.of("stat", new int[] {40, 10}, "temp", new int[] {120, 30});

  private static final int[] DEFAULT_RATE = {60, 20};

  private final ClusterModel model;
  private final List<ReplicaNode> replicas;
  private final Random random = new Random(20_200_604);
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "onebox-workload");
            t.setDaemon(true);
            return t;
          });

  Workload(ClusterModel model, List<ReplicaNode> replicas) {
    this.model = model;
    this.replicas = replicas;
  }

  Workload start() {
    timer.scheduleAtFixedRate(this::tickSafely, 0, 1, TimeUnit.SECONDS);
    return this;
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn("simulated workload tick failed", e);
    }
  }

  /** One second of traffic and compaction on every running replica server. */
  synchronized void tick() {
    for (ReplicaNode node : replicas) {
      ReplicaSnapshot snapshot = node.state().map(s -> s.snapshot()).orElse(null);
      ReplicaStats stats = node.stats().orElse(null);
      if (snapshot == null || stats == null) {
        continue;
      }
      for (HostedReplica replica : snapshot.replicas()) {
        if (!replica.isPrimary()) {
          continue;
        }
        long percent = node.workloadPercent();
        stats.partition(replica.gpid()).ifPresent(c -> serve(replica, c, percent));
      }
    }
    model.advanceCompactions(Instant.now());
    for (ReplicaNode node : replicas) {
      if (node.isRunning()) {
        node.publish(model.replicaSnapshot(node.address()));
      }
    }
  }

  /**
   * One second of one primary's traffic. Every update goes through {@link PartitionStats}, so the
   * perf counters the Collector reads ({@code get_qps}, …) and the master metrics Prometheus reads
   * ({@code get_requests}, …) count the same requests: read_qps = get + multi_get + scan.
   */
  private void serve(HostedReplica replica, PartitionStats c, long percent) {
    int[] base = RATES.getOrDefault(replica.table(), DEFAULT_RATE);
    int spread = 1 + replica.gpid().partitionIndex() % 4;
    // workload_rate_percent of the replica server's flags scales its traffic at once.
    int reads = (int) (jitter(base[0] * spread) * percent / 100);
    int writes = (int) (jitter(base[1] * spread) * percent / 100);
    c.add(ReplicaCounter.GET_QPS, reads);
    c.add(ReplicaCounter.MULTI_GET_QPS, reads / 10);
    c.add(ReplicaCounter.SCAN_QPS, reads / 50);
    c.add(ReplicaCounter.PUT_QPS, writes);
    c.add(ReplicaCounter.MULTI_PUT_QPS, writes / 5);
    c.add(ReplicaCounter.REMOVE_QPS, writes / 20);
    c.add(ReplicaCounter.GET_BYTES, reads * 256L);
    c.add(ReplicaCounter.MULTI_GET_BYTES, reads / 10 * 2048L);
    c.add(ReplicaCounter.SCAN_BYTES, reads / 50 * 8192L);
    c.add(ReplicaCounter.PUT_BYTES, writes * 512L);
    c.add(ReplicaCounter.MULTI_PUT_BYTES, writes / 5 * 4096L);
    c.add(ReplicaCounter.RECENT_READ_CU, reads);
    c.add(ReplicaCounter.RECENT_WRITE_CU, writes * 2L);
    for (int i = 0; i < 20; i++) {
      c.record(ReplicaCounter.GET_LATENCY, 300_000 + random.nextInt(700_000));
      c.record(ReplicaCounter.PUT_LATENCY, 600_000 + random.nextInt(1_400_000));
    }
    for (int i = 0; i < 4; i++) {
      c.record(ReplicaCounter.MULTI_GET_LATENCY, 800_000 + random.nextInt(1_200_000));
      c.record(ReplicaCounter.MULTI_PUT_LATENCY, 1_000_000 + random.nextInt(2_000_000));
      c.record(ReplicaCounter.REMOVE_LATENCY, 500_000 + random.nextInt(1_000_000));
    }
    c.record(ReplicaCounter.SCAN_LATENCY, 2_000_000 + random.nextInt(8_000_000));
    long keys = c.value(ReplicaCounter.ESTIMATE_NUM_KEYS) + writes;
    c.set(ReplicaCounter.ESTIMATE_NUM_KEYS, keys);
    c.set(ReplicaCounter.SST_MB, keys / 4096);
    c.set(ReplicaCounter.SST_COUNT, 1 + keys / 65536);
    c.add(ReplicaCounter.BLOCK_CACHE_TOTAL_COUNT, reads);
    c.add(ReplicaCounter.BLOCK_CACHE_HIT_COUNT, reads * 9L / 10);
    model.commit(replica.gpid().appId(), replica.gpid().partitionIndex(), writes);
  }

  private int jitter(int mean) {
    return Math.max(0, mean + (int) Math.round(random.nextGaussian() * mean * 0.1));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
