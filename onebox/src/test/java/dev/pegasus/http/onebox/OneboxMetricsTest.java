package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.pegasus.http.testing.HttpCalls.get;
import static dev.pegasus.http.testing.Polling.pollUntil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pegasus.http.collector.AppStatMetric;
import dev.pegasus.http.collector.AppStatRound;
import dev.pegasus.http.core.metrics.Counter;
import dev.pegasus.http.core.metrics.Gauge;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every role's master metrics on the running onebox (ephemeral ports): the replicas' entities
 * driven by the workload and agreeing with the Collector, the meta's table health agreeing with
 * {@code /meta/apps?detail}, and the meta's replica-server counts after {@code kill replica2}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class OneboxMetricsTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String READS = "get_requests,multi_get_requests,scan_requests";

  static Onebox onebox;

  @BeforeAll
  static void start() {
    onebox = Onebox.start(OneboxOptions.ephemeral().withTimings(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    assertThat(onebox.awaitPrimary(DEADLINE)).isTrue();
  }

  @AfterAll
  static void stop() {
    if (onebox != null) {
      onebox.close();
    }
  }

  @Test
  @Order(1)
  void everyHostedReplicaHasItsEntityAndTheWorkloadMovesItsCounters() {
    for (ReplicaNode node : onebox.replicaNodes()) {
      MetricRegistry registry = node.metrics().orElseThrow();
      ReplicaSnapshot hosted = node.state().orElseThrow().snapshot();
      assertThat(hosted.replicas()).isNotEmpty();
      for (HostedReplica r : hosted.replicas()) {
        MetricEntity e = registry.find("replica@" + r.gpid()).orElseThrow();
        assertThat(e.type()).isEqualTo("replica");
        assertThat(e.attributes())
            .containsExactly(
                "table_id", Integer.toString(r.gpid().appId()), "partition_id", Integer.toString(r.gpid().partitionIndex()))
            .inOrder();
      }
      assertThat(gauge(registry.server(), "total_replicas")).isEqualTo(hosted.replicas().size());
      assertThat(gauge(registry.server(), "primary_replicas"))
          .isEqualTo(hosted.replicas().stream().filter(HostedReplica::isPrimary).count());
      assertThat(gauge(registry.find("disk@default").orElseThrow(), "disk_capacity_total_mb")).isGreaterThan(0);

      HostedReplica primary = hosted.replicas().stream().filter(HostedReplica::isPrimary).findFirst().orElseThrow();
      MetricEntity e = registry.find("replica@" + primary.gpid()).orElseThrow();
      for (String name :
          List.of("get_requests", "multi_get_requests", "put_requests", "multi_put_requests", "get_bytes", "put_bytes",
              "read_capacity_units", "write_capacity_units")) {
        pollUntil(name + " of " + e.id(), DEADLINE, () -> counter(e, name), n -> n > 0);
      }
      pollUntil("rdb_estimated_keys of " + e.id(), DEADLINE, () -> gauge(e, "rdb_estimated_keys"), n -> n > 0);
      // the workload serves primaries only, as the Collector reads primaries only
      hosted.replicas().stream()
          .filter(r -> !r.isPrimary())
          .forEach(r -> assertThat(counter(registry.find("replica@" + r.gpid()).orElseThrow(), "get_requests")).isEqualTo(0));
    }
  }

  @Test
  @Order(2)
  void theReplicasReadRequestRateAgreesWithTheCollectorsReadQps() {
    int temp = appIdOf("temp");
    // ten distinct collector rounds (one a second) against the metrics' rate over the same time
    long before = readRequests(temp);
    Instant from = Instant.now();
    List<Long> readQps = new ArrayList<>();
    Set<Instant> seen = new HashSet<>();
    pollUntil(
        "ten collector rounds",
        DEADLINE,
        () -> {
          onebox.latestCollectorRound()
              .filter(r -> seen.add(r.time()))
              .flatMap(r -> r.app("temp"))
              .ifPresent(s -> readQps.add(s.value(AppStatMetric.READ_QPS)));
          return readQps.size();
        },
        n -> n >= 10);
    double seconds = Duration.between(from, Instant.now()).toMillis() / 1000.0;
    double metricRate = (readRequests(temp) - before) / seconds;
    double collector = readQps.stream().mapToLong(Long::longValue).average().orElseThrow();
    assertWithMessage(
            String.format(
                "rate of %s over %.1f s: %.1f/s vs the collector's read_qps#temp %s", READS, seconds, metricRate, readQps))
        .that(Math.abs(metricRate - collector) / collector)
        .isLessThan(0.25);
  }

  @Test
  @Order(3)
  void theMetasTableHealthAgreesWithAppsDetail() throws Exception {
    MetricRegistry meta = primaryMetaRegistry();
    JsonNode info = new ObjectMapper().readTree(get(onebox.primaryMetaUrl().orElseThrow() + "/meta/apps?detail").body())
        .get("healthy_info");
    gauge(meta.server(), "alive_replica_servers"); // makes the meta look at its current state
    for (int appId = 1; appId <= onebox.model().partitionCounts().size(); appId++) {
      MetricEntity t = meta.find("table@" + appId).orElseThrow();
      JsonNode row = info.get(Integer.toString(appId));
      assertThat(gauge(t, "healthy_partitions")).isEqualTo(row.get("fully_healthy").asLong());
      assertThat(gauge(t, "dead_partitions") + gauge(t, "unreadable_partitions"))
          .isEqualTo(row.get("read_unhealthy").asLong());
      assertThat(gauge(t, "healthy_partitions") + gauge(t, "writable_ill_partitions") + gauge(t, "unwritable_partitions")
              + gauge(t, "unreadable_partitions") + gauge(t, "dead_partitions"))
          .isEqualTo(row.get("partition_count").asLong());
      assertThat(meta.find("partition@" + appId + ".0")).isPresent();
    }
    assertThat(gauge(meta.server(), "alive_replica_servers")).isEqualTo(3);
    assertThat(gauge(meta.server(), "unalive_replica_servers")).isEqualTo(0);
  }

  @Test
  @Order(4)
  void metricsJsonOfEachRoleShowsItsEntities() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ReplicaNode replica1 = onebox.replicaNodes().get(0);
    JsonNode body = json.readTree(get(replica1.url() + "/metrics?types=replica&metrics=get_requests,get_latency_ns").body());
    assertThat(body.get("role").asText()).isEqualTo("replica");
    JsonNode entities = body.get("entities");
    assertThat(entities.size()).isEqualTo(replica1.state().orElseThrow().snapshot().replicas().size());
    long requests = 0;
    for (JsonNode e : entities) {
      String[] gpid = e.get("id").asText().substring("replica@".length()).split("\\.");
      assertThat(e.get("type").asText()).isEqualTo("replica");
      assertThat(e.get("attributes").get("table_id").asText()).isEqualTo(gpid[0]);
      assertThat(e.get("attributes").get("partition_id").asText()).isEqualTo(gpid[1]);
      List<String> names = new ArrayList<>();
      e.get("metrics").forEach(m -> names.add(m.get("name").asText()));
      assertThat(names).containsExactly("get_requests", "get_latency_ns");
      requests += e.get("metrics").get(0).get("value").asLong();
    }
    assertThat(requests).isGreaterThan(0);

    JsonNode server = json.readTree(get(replica1.url() + "/metrics?types=server,disk&detail=true").body());
    List<String> serverMetrics = new ArrayList<>();
    server.get("entities").forEach(e -> e.get("metrics").forEach(m -> serverMetrics.add(m.get("name").asText())));
    assertThat(serverMetrics).containsAtLeast("total_replicas", "primary_replicas", "disk_capacity_total_mb");

    JsonNode meta = json.readTree(get(onebox.primaryMetaUrl().orElseThrow() + "/metrics?types=table&detail=true").body());
    assertThat(meta.get("entities").size()).isEqualTo(onebox.model().partitionCounts().size());
    JsonNode healthy = meta.get("entities").get(0).get("metrics").get(4);
    assertThat(healthy.get("name").asText()).isEqualTo("healthy_partitions");
    assertThat(healthy.get("type").asText()).isEqualTo("Gauge");
    assertThat(healthy.get("unit").asText()).isEqualTo("Partitions");
    assertThat(healthy.get("desc").asText()).startsWith("The number of healthy partitions");

    JsonNode collector = json.readTree(get(onebox.collectorUrl() + "/metrics?types=server&metrics=collector_rounds").body());
    assertThat(collector.get("entities").get(0).get("metrics").get(0).get("value").asLong()).isGreaterThan(0);
  }

  @Test
  @Order(5)
  void killingAReplicaServerShowsInTheMetasServerEntity() {
    onebox.execute("kill replica2");
    MetricRegistry meta = primaryMetaRegistry();
    pollUntil("replica2 unalive", DEADLINE, () -> gauge(meta.server(), "unalive_replica_servers"), n -> n == 1);
    assertThat(gauge(meta.server(), "alive_replica_servers")).isEqualTo(2);
    assertThat(counter(meta.server(), "replica_server_disconnections")).isEqualTo(1);
    long changed =
        meta.entities().stream()
            .filter(e -> e.type().equals("partition"))
            .filter(e -> counter(e, "partition_configuration_changes") > 0)
            .count();
    assertThat(changed).isGreaterThan(0);

    onebox.execute("revive replica2");
    pollUntil("replica2 alive", DEADLINE, () -> gauge(meta.server(), "alive_replica_servers"), n -> n == 3);
    assertThat(counter(meta.server(), "replica_server_disconnections")).isEqualTo(1);
  }

  private static MetricRegistry primaryMetaRegistry() {
    return onebox.metaNodes().stream().filter(MetaNode::isPrimary).findFirst().orElseThrow().metrics().orElseThrow();
  }

  private static int appIdOf(String table) {
    return new ArrayList<>(onebox.model().partitionCounts().keySet()).indexOf(table) + 1;
  }

  /** get + multi_get + scan requests of a table's replicas on every running replica server. */
  private static long readRequests(int appId) {
    long sum = 0;
    for (ReplicaNode node : onebox.replicaNodes()) {
      MetricRegistry registry = node.metrics().orElseThrow();
      for (MetricEntity e : registry.entities()) {
        if (e.type().equals("replica") && e.attributes().get("table_id").equals(Integer.toString(appId))) {
          for (String name : READS.split(",")) {
            sum += counter(e, name);
          }
        }
      }
    }
    return sum;
  }

  private static long gauge(MetricEntity e, String name) {
    return ((Gauge) e.metric(name).orElseThrow()).value();
  }

  private static long counter(MetricEntity e, String name) {
    return ((Counter) e.metric(name).orElseThrow()).value();
  }
}
