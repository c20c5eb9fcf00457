package dev.pegasus.http.collector;

import dev.pegasus.http.core.CounterType;
import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.replica.ReplicaCounter;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.testing.HttpCalls;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Times whole collector rounds against a simulated cluster in this JVM: {@code servers} real
 * replica-role {@link PegasusHttpServer}s (1 I/O and 2 worker threads each) hosting {@code
 * replicasPerServer} partition replicas each (every partition has 3 replicas, so a third of them
 * are primaries), each replica with its 36 upstream counters other than latency percentiles, plus
 * one stub meta server. Every
 * primary reports {@code get_qps} = 1 and every secondary 1000, so a correct round publishes
 * {@code read_qps#_all_} = the number of partitions; the benchmark checks that.
 *
 * <pre>
 * java -Xmx12g -cp ... dev.pegasus.http.collector.CollectorRoundBenchmark \
 *     [servers] [replicasPerServer] [rounds] [partitionsPerTable] [maxConcurrentRequests]
 * </pre>
 *
 * Defaults: 100 servers, 1,000 replicas per server, 5 rounds, 128 partitions per table, 16
 * concurrent requests (the collector's default).
 */
public final class CollectorRoundBenchmark {

  private CollectorRoundBenchmark() {}

  public static void main(String[] args) throws Exception {
    int servers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int replicasPerServer = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int partitionsPerTable = args.length > 3 ? Integer.parseInt(args[3]) : 128;
    int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 16;
    int partitions = Math.max(1, servers * replicasPerServer / 3);

    long setupStart = System.nanoTime();
    List<SimulatedReplica> replicas = new ArrayList<>();
    MetaStub meta = new MetaStub();
    PegasusHttpServer metaServer =
        PegasusHttpServer.builder().role("meta").port(0).service(MetaStub.class, meta)
            .configure(c -> c.accessLog(false)).build().start();
    try {
      // Latency percentiles keep 5,000 samples each (40 KB): 100,000 replicas' worth would not
      // fit in one JVM, and the collector reads none of them, so they are left out.
      EnumSet<ReplicaCounter> registered = EnumSet.noneOf(ReplicaCounter.class);
      for (ReplicaCounter c : ReplicaCounter.values()) {
        if (c.type() != CounterType.NUMBER_PERCENTILES) {
          registered.add(c);
        }
      }
      for (int s = 0; s < servers; s++) {
        replicas.add(new SimulatedReplica(1, 2, registered));
      }
      List<List<HostedReplica>> hosted = new ArrayList<>();
      for (int s = 0; s < servers; s++) {
        hosted.add(new ArrayList<>());
      }
      int tables = (partitions + partitionsPerTable - 1) / partitionsPerTable;
      int next = 0;
      for (int t = 0; t < tables; t++) {
        int appId = t + 1;
        String name = "table_" + appId;
        int count = Math.min(partitionsPerTable, partitions - t * partitionsPerTable);
        MetaStub.Partition[] layout = new MetaStub.Partition[count];
        for (int p = 0; p < count; p++, next++) {
          int primary = next % servers;
          int second = (next + 1) % servers;
          int third = (next + 2) % servers;
          Gpid gpid = new Gpid(appId, p);
          hosted.get(primary).add(HostedReplica.primary(gpid, name, 0));
          hosted.get(second).add(HostedReplica.secondary(gpid, name, 0));
          hosted.get(third).add(HostedReplica.secondary(gpid, name, 0));
          layout[p] =
              MetaStub.Partition.of(
                  replicas.get(primary).address(), replicas.get(second).address(), replicas.get(third).address());
        }
        meta.table(appId, name, layout);
      }
      long counters = 0;
      for (int s = 0; s < servers; s++) {
        SimulatedReplica r = replicas.get(s);
        r.host(hosted.get(s));
        for (HostedReplica h : hosted.get(s)) {
          r.rate(h.gpid(), ReplicaCounter.GET_QPS, h.isPrimary() ? 1 : 1000);
        }
        r.publishSnapshot();
        counters += r.server().counters().latestSnapshot().readings().size();
        meta.node(r.address(), true);
      }
      int bodyBytes =
          HttpCalls.get(replicas.get(0).server(), "/perfCounters?prefix=replica%2A").bytes().length;
      System.out.printf(
          "setup: %d replica servers, %d partitions in %d tables, %d replicas per server, %,d counters,"
              + " %,d bytes scraped from each server, %.1f s%n",
          servers, partitions, tables, replicasPerServer, counters, bodyBytes,
          (System.nanoTime() - setupStart) / 1e9);

      try (Collector collector =
          new Collector(
              CollectorConfig.builder()
                  .metaServers("127.0.0.1:" + metaServer.port())
                  .maxConcurrentRequests(concurrency)
                  .build(),
              new PerfCounters())) {
        long[] millis = new long[rounds];
        for (int i = 0; i < rounds; i++) {
          CpuTimes before = CpuTimes.now();
          long start = System.nanoTime();
          Optional<AppStatRound> published = collector.runRoundNow();
          CpuTimes used = CpuTimes.now().minus(before);
          millis[i] = (System.nanoTime() - start) / 1_000_000;
          if (published.isEmpty()) {
            System.out.printf("round %d: %d ms wall, abandoned: no meta server answered in time%n", i + 1, millis[i]);
            continue;
          }
          AppStatRound round = published.get();
          long readQps = round.all().value(AppStatMetric.READ_QPS);
          boolean complete = round.failedReplicaServers().isEmpty() && readQps == partitions;
          System.out.printf(
              "round %d: %d ms wall, CPU %d ms in the process of which %d ms on the collector's side,"
                  + " %d servers failed, read_qps#_all_ = %d (%s)%n",
              i + 1, millis[i], used.processMillis(), used.collectorMillis(),
              round.failedReplicaServers().size(), readQps,
              complete ? "complete and correct" : "expected " + partitions);
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(
            "rounds: %d, concurrency %d, min %d ms, median %d ms, max %d ms (interval %s)%n",
            rounds, concurrency, sorted[0], sorted[rounds / 2], sorted[rounds - 1], Duration.ofSeconds(10));
      }
    } finally {
      for (SimulatedReplica r : replicas) {
        r.close();
      }
      metaServer.close();
    }
  }

  /**
   * CPU time of the whole process and of the collector's side: its own threads, the JDK HTTP
   * client's and this main thread (the replica and meta servers run on Undertow's XNIO threads).
   */
  private record CpuTimes(long processNanos, long collectorNanos) {

    static CpuTimes now() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long collector = 0;
      for (ThreadInfo t : threads.dumpAllThreads(false, false)) {
        String name = t.getThreadName();
        if (name.startsWith("pegasus-collector") || name.startsWith("HttpClient") || name.equals("main")) {
          long cpu = threads.getThreadCpuTime(t.getThreadId());
          collector += Math.max(0, cpu);
        }
      }
      long process =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime();
      return new CpuTimes(process, collector);
    }

    CpuTimes minus(CpuTimes earlier) {
      return new CpuTimes(processNanos - earlier.processNanos, collectorNanos - earlier.collectorNanos);
    }

    long processMillis() {
      return processNanos / 1_000_000;
    }

    long collectorMillis() {
      return collectorNanos / 1_000_000;
    }
  }
}
