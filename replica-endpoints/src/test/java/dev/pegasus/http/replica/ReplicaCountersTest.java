package dev.pegasus.http.replica;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.CounterType;
import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.PerfCounter;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-partition counters follow the hosted replicas and read like upstream's. */
final class ReplicaCountersTest {

  private final InMemoryReplicaState state = new InMemoryReplicaState();
  private PegasusHttpServer server;
  private ReplicaCounters replicaCounters;

  @BeforeEach
  void start() {
    server = PegasusHttpServer.builder().role("replica").port(0).build().start();
    replicaCounters = new ReplicaCounters(server.counters());
    state.subscribe(replicaCounters::sync);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyHostedPartitionGetsTheUpstreamCounters() {
    host(HostedReplica.primary(new Gpid(2, 0), "temp", 0), HostedReplica.secondary(new Gpid(2, 1), "temp", 0));
    PerfCounters registry = server.counters();
    for (Gpid gpid : new Gpid[] {new Gpid(2, 0), new Gpid(2, 1)}) {
      for (ReplicaCounter c : ReplicaCounter.values()) {
        PerfCounter counter = registry.find(c.fullName("replica", gpid)).orElseThrow();
        assertThat(counter.type()).isEqualTo(c.type());
      }
    }
    assertThat(registry.find("replica*eon.replica*backup_request_qps@temp").orElseThrow().type())
        .isEqualTo(CounterType.RATE);
  }

  @Test
  void namesTypesAndDescriptionsAreUpstreams() {
    host(HostedReplica.primary(new Gpid(2, 0), "temp", 0));
    assertThat(get(server, "/perfCounter?name=replica*app.pegasus*get_qps@2.0").body())
        .isEqualTo(
            "{\"name\":\"replica*app.pegasus*get_qps@2.0\",\"value\":\"0.00\",\"type\":\"RATE\","
                + "\"description\":\"statistic the qps of GET request\"}\n");
    assertThat(get(server, "/perfCounter?name=replica*app.pegasus*disk.storage.sst(MB)@2.0").body())
        .contains("\"type\":\"NUMBER\",\"description\":\"statistic the size of sstable files\"");
    assertThat(get(server, "/perfCounter?name=replica*app.pegasus*recent.read.cu@2.0").body())
        .contains("\"type\":\"VOLATILE_NUMBER\"");
    assertThat(get(server, "/perfCounter?name=replica*app.pegasus*get_latency@2.0").body())
        .contains("\"p99\":\"0.00\",\"p999\":\"0.00\",\"type\":\"PERCENTILE\"");
    assertThat(
            get(server, "/perfCounter?name=replica*eon.replica*recent.write.throttling.delay.count@2.0")
                .body())
        .contains("\"description\":\"recent.write.throttling.delay.count@2.0\"");
  }

  @Test
  void bulkReadListsAPartitionsCountersFromTheSnapshot() {
    host(HostedReplica.primary(new Gpid(2, 0), "temp", 0));
    PartitionCounters p = replicaCounters.partition(new Gpid(2, 0)).orElseThrow();
    p.number(ReplicaCounter.SST_MB).set(42);
    server.counters().takeSnapshot();
    String body = get(server, "/perfCounters?prefix=replica*app.pegasus*disk.storage.sst(MB)@2.").body();
    assertThat(body)
        .isEqualTo("[{\"name\":\"replica*app.pegasus*disk.storage.sst(MB)@2.0\",\"type\":\"NUMBER\",\"value\":42.0}]\n");
    String all = get(server, "/perfCounters?prefix=replica*app.pegasus*").body();
    assertThat(all).contains("\"name\":\"replica*app.pegasus*get_qps@2.0\",\"type\":\"RATE\"");
  }

  @Test
  void countersOfPartitionsThatGoAwayAreRemoved() {
    host(HostedReplica.primary(new Gpid(2, 0), "temp", 0), HostedReplica.primary(new Gpid(3, 0), "other", 0));
    host(HostedReplica.primary(new Gpid(2, 0), "temp", 0));
    PerfCounters registry = server.counters();
    assertThat(registry.find("replica*app.pegasus*get_qps@3.0")).isEmpty();
    assertThat(registry.find("replica*eon.replica*private.log.size(MB)@3.0")).isEmpty();
    assertThat(registry.find("replica*eon.replica*backup_request_qps@other")).isEmpty();
    assertThat(registry.find("replica*app.pegasus*get_qps@2.0")).isPresent();
    assertThat(replicaCounters.partitions()).containsExactly(new Gpid(2, 0));
    assertThat(replicaCounters.backupRequestQps("other")).isEmpty();
    assertThat(get(server, "/perfCounter?name=replica*app.pegasus*get_qps@3.0").status()).isEqualTo(404);
  }

  @Test
  void aRoleChangeKeepsTheCounters() {
    host(HostedReplica.primary(new Gpid(2, 0), "temp", 0));
    PartitionCounters before = replicaCounters.partition(new Gpid(2, 0)).orElseThrow();
    before.number(ReplicaCounter.SST_COUNT).set(3);
    host(HostedReplica.secondary(new Gpid(2, 0), "temp", 0));
    assertThat(replicaCounters.partition(new Gpid(2, 0)).orElseThrow().number(ReplicaCounter.SST_COUNT).value())
        .isEqualTo(3);
  }

  @Test
  void typedAccessorsCheckTheType() {
    host(HostedReplica.primary(new Gpid(2, 0), "temp", 0));
    PartitionCounters p = replicaCounters.partition(new Gpid(2, 0)).orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> p.number(ReplicaCounter.GET_QPS));
    assertThat(p.rate(ReplicaCounter.GET_QPS).fullName()).isEqualTo("replica*app.pegasus*get_qps@2.0");
  }

  @Test
  void everyCounterTheCollectorReadsExists() {
    // The collector reference's §3.1 inputs, minus backup_request_qps which is per table.
    String[] inputs = {
      "get_qps", "multi_get_qps", "put_qps", "multi_put_qps", "remove_qps", "multi_remove_qps",
      "incr_qps", "check_and_set_qps", "check_and_mutate_qps", "scan_qps", "duplicate_qps",
      "dup_shipped_ops", "dup_failed_shipping_ops", "recent.read.cu", "recent.write.cu",
      "recent.expire.count", "recent.filter.count", "recent.abnormal.count",
      "recent.write.throttling.delay.count", "recent.write.throttling.reject.count",
      "disk.storage.sst(MB)", "disk.storage.sst.count", "rdb.block_cache.hit_count",
      "rdb.block_cache.total_count", "rdb.index_and_filter_blocks.memory_usage",
      "rdb.memtable.memory_usage", "rdb.estimate_num_keys", "rdb.bf_seek_negatives",
      "rdb.bf_seek_total", "rdb.bf_point_positive_true", "rdb.bf_point_positive_total",
      "rdb.bf_point_negatives", "get_bytes", "multi_get_bytes", "scan_bytes", "put_bytes",
      "multi_put_bytes", "check_and_set_bytes", "check_and_mutate_bytes"
    };
    java.util.Set<String> names = new java.util.HashSet<>();
    for (ReplicaCounter c : ReplicaCounter.values()) {
      names.add(c.counterName());
    }
    assertThat(names).containsAtLeastElementsIn(inputs);
  }

  @Test
  void aHostMayRegisterOnlySomeCounters() {
    PerfCounters registry = new PerfCounters();
    ReplicaCounters some =
        new ReplicaCounters(registry, "replica", java.util.EnumSet.of(ReplicaCounter.GET_QPS, ReplicaCounter.SST_MB));
    some.sync(ReplicaSnapshot.builder().put(HostedReplica.primary(new Gpid(1, 0), "t", 0)).build());
    assertThat(registry.names())
        .containsExactly(
            "replica*app.pegasus*get_qps@1.0",
            "replica*app.pegasus*disk.storage.sst(MB)@1.0",
            "replica*eon.replica*backup_request_qps@t");
    PartitionCounters p = some.partition(new Gpid(1, 0)).orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> p.percentile(ReplicaCounter.GET_LATENCY));
    some.sync(ReplicaSnapshot.empty());
    assertThat(registry.names()).isEmpty();
  }

  private void host(HostedReplica... replicas) {
    state.replace(ReplicaSnapshot.builder().putAll(java.util.List.of(replicas)).build());
  }
}
