package dev.pegasus.http.replica;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.metrics.Counter;
import dev.pegasus.http.core.metrics.Gauge;
import dev.pegasus.http.core.metrics.Metric;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.metrics.Percentile;
import dev.pegasus.http.core.metrics.Quantile;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replica server's master metrics follow what it hosts, and one update feeds a perf counter and its twin. */
final class ReplicaMetricsTest {

  private static final Gpid P0 = new Gpid(2, 0);
  private static final Gpid P1 = new Gpid(2, 1);

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final MetricRegistry registry = new MetricRegistry(nanos::get);
  private final PerfCounters perf = new PerfCounters(nanos::get, Clock.systemUTC());
  private final InMemoryReplicaState state = new InMemoryReplicaState();
  private PegasusHttpServer server;
  private ReplicaStats stats;

  @BeforeEach
  void start() {
    server =
        PegasusHttpServer.builder().role("replica").port(0).counters(perf).metrics(registry).build().start();
    stats = new ReplicaStats(server.counters(), server.metrics());
    state.subscribe(stats::sync);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyHostedPartitionGetsAReplicaEntityWithTableAndPartitionIds() {
    host(HostedReplica.primary(P0, "temp", 0), HostedReplica.secondary(P1, "temp", 0));
    MetricEntity e = registry.find("replica@2.1").orElseThrow();
    assertThat(e.type()).isEqualTo("replica");
    assertThat(e.attributes()).containsExactly("table_id", "2", "partition_id", "1").inOrder();
    assertThat(e.metrics().stream().map(Metric::name).toList())
        .containsAtLeast("get_requests", "get_latency_ns", "read_capacity_units", "rdb_total_sst_size_mb", "backup_requests");
    for (ReplicaCounter c : ReplicaCounter.values()) {
      assertThat(e.metric(ReplicaPrototypes.twinOf(c).name())).isPresent();
    }
    assertThat(stats.metrics().partitions()).containsExactly(P0, P1);
  }

  @Test
  void theServerEntityCountsHostedReplicasByRole() {
    host(
        HostedReplica.primary(P0, "temp", 0),
        HostedReplica.secondary(P1, "temp", 0),
        HostedReplica.secondary(new Gpid(3, 0), "stat", 0));
    MetricEntity s = registry.server();
    assertThat(gauge(s, "total_replicas")).isEqualTo(3);
    assertThat(gauge(s, "primary_replicas")).isEqualTo(1);
    assertThat(gauge(s, "secondary_replicas")).isEqualTo(2);
    for (String none : new String[] {"opening_replicas", "closing_replicas", "inactive_replicas", "error_replicas",
        "learning_replicas", "splitting_replicas"}) {
      assertThat(gauge(s, none)).isEqualTo(0);
    }
    host(HostedReplica.primary(P0, "temp", 0));
    assertThat(gauge(s, "total_replicas")).isEqualTo(1);
    assertThat(gauge(s, "secondary_replicas")).isEqualTo(0);
  }

  @Test
  void oneUpdateMovesThePerfCounterAndTheMetric() {
    host(HostedReplica.primary(P0, "temp", 0));
    PartitionStats p = stats.partition(P0).orElseThrow();
    PartitionCounters c = p.counters();
    MetricEntity e = p.metrics();
    c.rate(ReplicaCounter.GET_QPS).takeRate(); // starts the live measurement at "now"

    p.add(ReplicaCounter.GET_QPS, 30);
    p.add(ReplicaCounter.GET_BYTES, 30 * 256);
    p.add(ReplicaCounter.RECENT_READ_CU, 30);
    p.set(ReplicaCounter.SST_MB, 512);
    p.add(ReplicaCounter.BLOCK_CACHE_TOTAL_COUNT, 100);
    p.add(ReplicaCounter.BLOCK_CACHE_HIT_COUNT, 90);
    for (int i = 1; i <= 100; i++) {
      p.record(ReplicaCounter.GET_LATENCY, i * 1_000L);
    }
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());

    assertThat(c.rate(ReplicaCounter.GET_QPS).takeRate()).isEqualTo(15.0);
    assertThat(counter(e, "get_requests")).isEqualTo(30);
    assertThat(counter(e, "get_bytes")).isEqualTo(30 * 256);
    assertThat(c.volatileNumber(ReplicaCounter.RECENT_READ_CU).takeValue()).isEqualTo(30);
    assertThat(counter(e, "read_capacity_units")).isEqualTo(30);
    assertThat(c.number(ReplicaCounter.SST_MB).value()).isEqualTo(512);
    assertThat(gauge(e, "rdb_total_sst_size_mb")).isEqualTo(512);
    assertThat(p.value(ReplicaCounter.SST_MB)).isEqualTo(512);
    assertThat(gauge(e, "rdb_block_cache_total_count")).isEqualTo(100);
    assertThat(gauge(e, "rdb_block_cache_hit_count")).isEqualTo(90);

    c.percentile(ReplicaCounter.GET_LATENCY).computePercentiles();
    Percentile latency = (Percentile) e.metric("get_latency_ns").orElseThrow();
    latency.compute();
    assertThat(latency.value(Quantile.P50)).isEqualTo(51_000);
    assertThat(c.percentile(ReplicaCounter.GET_LATENCY).p99()).isGreaterThan(0.0);
    assertThat(latency.recordedCount()).isEqualTo(100);
  }

  @Test
  void backupRequestsCountOnTheTableRateAndTheReplica() {
    host(HostedReplica.secondary(P0, "temp", 0));
    stats.counters().backupRequestQps("temp").orElseThrow().takeRate();
    stats.partition(P0).orElseThrow().addBackupRequests(4);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(stats.counters().backupRequestQps("temp").orElseThrow().takeRate()).isEqualTo(4.0);
    assertThat(counter(registry.find("replica@2.0").orElseThrow(), "backup_requests")).isEqualTo(4);
  }

  @Test
  void aMovedPartitionRetiresAndComesBackAsTheSameEntity() {
    registry.retirementDelay(Duration.ofMinutes(10));
    host(HostedReplica.primary(P0, "temp", 0), HostedReplica.secondary(P1, "temp", 0));
    stats.partition(P1).orElseThrow().add(ReplicaCounter.PUT_QPS, 5);
    MetricEntity before = registry.find("replica@2.1").orElseThrow();

    host(HostedReplica.primary(P0, "temp", 0)); // 2.1 moved away
    assertThat(stats.partition(P1)).isEmpty();
    assertThat(stats.metrics().partitions()).containsExactly(P0);
    assertThat(registry.find("replica@2.1")).hasValue(before); // frozen, still visible
    nanos.addAndGet(Duration.ofMinutes(5).toNanos());
    assertThat(registry.removeRetired()).isEqualTo(0);

    host(HostedReplica.primary(P0, "temp", 0), HostedReplica.secondary(P1, "temp", 0)); // and back
    assertThat(registry.find("replica@2.1")).hasValue(before);
    assertThat(counter(before, "put_requests")).isEqualTo(5);
    nanos.addAndGet(Duration.ofMinutes(20).toNanos());
    assertThat(registry.removeRetired()).isEqualTo(0);

    host(HostedReplica.primary(P0, "temp", 0)); // away for good
    nanos.addAndGet(Duration.ofMinutes(10).toNanos());
    assertThat(registry.removeRetired()).isEqualTo(1);
    assertThat(registry.find("replica@2.1")).isEmpty();
    assertThat(registry.find("replica@2.0")).isPresent();
  }

  @Test
  void metricsServesTheReplicaEntitiesAsMasterDoes() throws Exception {
    host(HostedReplica.primary(P0, "temp", 0), HostedReplica.secondary(P1, "temp", 0));
    stats.partition(P0).orElseThrow().add(ReplicaCounter.GET_QPS, 1024);
    ObjectMapper json = new ObjectMapper();
    JsonNode body =
        json.readTree(get(server, "/metrics?types=replica&ids=replica@2.0&metrics=get_requests&detail=true").body());
    JsonNode entity = body.get("entities").get(0);
    assertThat(body.get("entities").size()).isEqualTo(1);
    assertThat(entity.get("id").asText()).isEqualTo("replica@2.0");
    assertThat(json.writeValueAsString(entity.get("attributes"))).isEqualTo("{\"table_id\":\"2\",\"partition_id\":\"0\"}");
    assertThat(json.writeValueAsString(entity.get("metrics").get(0)))
        .isEqualTo(
            "{\"type\":\"Counter\",\"name\":\"get_requests\",\"unit\":\"Requests\","
                + "\"desc\":\"The number of GET requests\",\"value\":1024}");

    host(HostedReplica.primary(P0, "temp", 0)); // 2.1 moved away: retiring, still served
    JsonNode retired = json.readTree(get(server, "/metrics?attributes=partition_id,1&metrics=get_requests").body());
    assertThat(retired.get("entities").get(0).get("id").asText()).isEqualTo("replica@2.1");
  }

  @Test
  void badUpdatesAreRefusedAndChangeNeitherSide() {
    host(HostedReplica.primary(P0, "temp", 0));
    PartitionStats p = stats.partition(P0).orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> p.add(ReplicaCounter.GET_QPS, -1));
    assertThrows(IllegalArgumentException.class, () -> p.add(ReplicaCounter.GET_LATENCY, 1));
    assertThrows(IllegalArgumentException.class, () -> p.set(ReplicaCounter.GET_QPS, 1));
    assertThrows(IllegalArgumentException.class, () -> p.record(ReplicaCounter.SST_MB, 1));
    assertThrows(IllegalArgumentException.class, () -> p.value(ReplicaCounter.GET_QPS));
    assertThrows(IllegalArgumentException.class, () -> p.addBackupRequests(-2));
    assertThat(counter(p.metrics(), "get_requests")).isEqualTo(0);
    // a gauge twin may go down, as its NUMBER counter may
    p.add(ReplicaCounter.ESTIMATE_NUM_KEYS, -3);
    assertThat(p.value(ReplicaCounter.ESTIMATE_NUM_KEYS)).isEqualTo(-3);
    assertThat(p.counters().number(ReplicaCounter.ESTIMATE_NUM_KEYS).value()).isEqualTo(-3);
  }

  @Test
  void aCounterLeftOutOfTheSubsetStillFeedsItsMetric() {
    MetricRegistry own = new MetricRegistry();
    ReplicaStats subset =
        new ReplicaStats(
            new ReplicaCounters(new PerfCounters(), "replica", EnumSet.of(ReplicaCounter.GET_QPS)),
            new ReplicaMetrics(own));
    subset.sync(ReplicaSnapshot.builder().put(HostedReplica.primary(P0, "temp", 0)).build());
    PartitionStats p = subset.partition(P0).orElseThrow();
    p.record(ReplicaCounter.GET_LATENCY, 5);
    p.add(ReplicaCounter.GET_QPS, 2);
    assertThat(((Percentile) p.metrics().metric("get_latency_ns").orElseThrow()).recordedCount()).isEqualTo(1);
    assertThat(counter(p.metrics(), "get_requests")).isEqualTo(2);
  }

  @Test
  void aDataDirectoryHasItsDiskEntity(@TempDir Path dir) {
    MetricEntity disk = stats.metrics().disk("ssd1", dir);
    assertThat(disk.id()).isEqualTo("disk@ssd1");
    assertThat(disk.attributes()).isEqualTo(ImmutableMap.of("tag", "ssd1", "data_dir", dir.toString()));
    long total = gauge(disk, "disk_capacity_total_mb");
    assertThat(total).isGreaterThan(0);
    assertThat(gauge(disk, "disk_capacity_avail_mb")).isAtMost(total);
    MetricEntity missing = stats.metrics().disk("gone", dir.resolve("no/such/dir"));
    assertThat(gauge(missing, "disk_capacity_total_mb")).isEqualTo(0);
    assertThat(stats.metrics().retireDisk("gone")).isTrue();
  }

  @Test
  void everyTwinHasMastersKindForItsCounter() {
    for (ReplicaCounter c : ReplicaCounter.values()) {
      var twin = ReplicaPrototypes.twinOf(c);
      assertThat(twin.entityType()).isEqualTo("replica");
      assertThat(ReplicaPrototypes.counterOf(twin)).hasValue(c);
      switch (c.type()) {
        case RATE, VOLATILE_NUMBER -> assertThat(twin.type().wireName()).isEqualTo("Counter");
        case NUMBER -> assertThat(twin.type().wireName()).isEqualTo("Gauge");
        case NUMBER_PERCENTILES -> assertThat(twin.type().wireName()).isEqualTo("Percentile");
      }
    }
    assertThat(ReplicaPrototypes.GET_REQUESTS.description()).isEqualTo("The number of GET requests");
    assertThat(ReplicaPrototypes.GET_LATENCY_NS.description()).isEqualTo("The latency of GET requests");
    assertThat(ReplicaPrototypes.GET_REQUESTS.unit().wireName()).isEqualTo("Requests");
  }

  private void host(HostedReplica... replicas) {
    state.replace(ReplicaSnapshot.builder().putAll(java.util.List.of(replicas)).build());
  }

  private static long gauge(MetricEntity e, String name) {
    return ((Gauge) e.metric(name).orElseThrow()).value();
  }

  private static long counter(MetricEntity e, String name) {
    return ((Counter) e.metric(name).orElseThrow()).value();
  }
}
