package dev.pegasus.http.onebox;

import dev.pegasus.http.replica.PartitionCounters;
import dev.pegasus.http.replica.ReplicaCounter;
import dev.pegasus.http.replica.ReplicaCounters;
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
      ReplicaCounters counters = node.counters().orElse(null);
      if (snapshot == null || counters == null) {
        continue;
      }
      for (HostedReplica replica : snapshot.replicas()) {
        if (!replica.isPrimary()) {
          continue;
        }
        long percent = node.workloadPercent();
        counters.partition(replica.gpid()).ifPresent(c -> serve(replica, c, percent));
      }
    }
    model.advanceCompactions(Instant.now());
    for (ReplicaNode node : replicas) {
      if (node.isRunning()) {
        node.publish(model.replicaSnapshot(node.address()));
      }
    }
  }

  private void serve(HostedReplica replica, PartitionCounters c, long percent) {
    int[] base = RATES.getOrDefault(replica.table(), DEFAULT_RATE);
    int spread = 1 + replica.gpid().partitionIndex() % 4;
    // workload_rate_percent of the replica server's flags scales its traffic at once.
    int reads = (int) (jitter(base[0] * spread) * percent / 100);
    int writes = (int) (jitter(base[1] * spread) * percent / 100);
    c.rate(ReplicaCounter.GET_QPS).add(reads);
    c.rate(ReplicaCounter.MULTI_GET_QPS).add(reads / 10);
    c.rate(ReplicaCounter.SCAN_QPS).add(reads / 50);
    c.rate(ReplicaCounter.PUT_QPS).add(writes);
    c.rate(ReplicaCounter.MULTI_PUT_QPS).add(writes / 5);
    c.rate(ReplicaCounter.REMOVE_QPS).add(writes / 20);
    c.rate(ReplicaCounter.GET_BYTES).add(reads * 256L);
    c.rate(ReplicaCounter.PUT_BYTES).add(writes * 512L);
    c.volatileNumber(ReplicaCounter.RECENT_READ_CU).add(reads);
    c.volatileNumber(ReplicaCounter.RECENT_WRITE_CU).add(writes * 2L);
    for (int i = 0; i < 20; i++) {
      c.percentile(ReplicaCounter.GET_LATENCY).record(300_000 + random.nextInt(700_000));
      c.percentile(ReplicaCounter.PUT_LATENCY).record(600_000 + random.nextInt(1_400_000));
    }
    long keys = c.number(ReplicaCounter.ESTIMATE_NUM_KEYS).value() + writes;
    c.number(ReplicaCounter.ESTIMATE_NUM_KEYS).set(keys);
    c.number(ReplicaCounter.SST_MB).set(keys / 4096);
    c.number(ReplicaCounter.SST_COUNT).set(1 + keys / 65536);
    c.number(ReplicaCounter.BLOCK_CACHE_TOTAL_COUNT).add(reads);
    c.number(ReplicaCounter.BLOCK_CACHE_HIT_COUNT).add(reads * 9L / 10);
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
