package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.meta.MetaFixtures.R1;
import static dev.pegasus.http.meta.MetaFixtures.R2;
import static dev.pegasus.http.meta.MetaFixtures.R3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.metrics.Counter;
import dev.pegasus.http.core.metrics.Gauge;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.testing.PegasusServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The meta's master metrics (reference §2.9): table health, partition changes, replica servers. */
final class MetaMetricsTest {

  private final AtomicLong nanos = new AtomicLong(1);
  private final MetricRegistry registry = new MetricRegistry(nanos::get);
  private final InMemoryMetaState state = new InMemoryMetaState(MetaFixtures.seedCluster());

  @RegisterExtension
  final PegasusServerExtension meta =
      PegasusServerExtension.perTest(
          b -> {
            MetaFixtures.meta(state, StaticMetaLeadership.self(MetaFixtures.PRIMARY)).accept(b);
            b.metrics(registry);
          });

  @Test
  void everyTableAndPartitionHasItsEntity() {
    observe();
    MetricEntity table = registry.find("table@2").orElseThrow();
    assertThat(table.type()).isEqualTo("table");
    assertThat(table.attributes()).containsExactly("table_id", "2");
    assertThat(table.metrics().stream().map(m -> m.name()).toList())
        .containsExactly(
            "dead_partitions", "unreadable_partitions", "unwritable_partitions", "writable_ill_partitions",
            "healthy_partitions")
        .inOrder();
    MetricEntity partition = registry.find("partition@2.7").orElseThrow();
    assertThat(partition.type()).isEqualTo("partition");
    assertThat(partition.attributes()).containsExactly("table_id", "2", "partition_id", "7").inOrder();
    assertThat(registry.find("partition@2.8")).isEmpty();
    assertThat(registry.find("partition@1.3")).isPresent();
    // every partition of the seed has 2 of 3 replicas
    assertThat(gauge(table, "writable_ill_partitions")).isEqualTo(8);
    assertThat(gauge(table, "healthy_partitions")).isEqualTo(0);
    assertThat(table.metrics().get(4).prototype().description())
        .isEqualTo("The number of healthy partitions, which means primary = 1 && primary + secondary >= max_replica_count");
  }

  @Test
  void tableHealthAgreesWithTheAppsDetailHealthyInfo() throws Exception {
    // one partition of each of master's five classes, and a fully healthy table
    Table mixed =
        Table.of(
            AppInfo.builder(3, "mixed").partitionCount(5).maxReplicaCount(3).build(),
            List.of(
                PartitionConfig.of(0, 4, R1, List.of(R2, R3), 3),
                PartitionConfig.of(1, 4, R1, List.of(R2), 3),
                PartitionConfig.of(2, 4, R1, List.of(), 3),
                PartitionConfig.of(3, 4, null, List.of(R2), 3),
                PartitionConfig.of(4, 4, null, List.of(), 3)));
    state.set(
        MetaFixtures.seedCluster().toBuilder()
            .node(NodeState.alive(R3))
            .table(mixed)
            .table(MetaFixtures.healthy(4, "full", 3))
            .build());
    observe();
    MetricEntity t3 = registry.find("table@3").orElseThrow();
    assertThat(gauge(t3, "dead_partitions")).isEqualTo(1);
    assertThat(gauge(t3, "unreadable_partitions")).isEqualTo(1);
    assertThat(gauge(t3, "unwritable_partitions")).isEqualTo(1);
    assertThat(gauge(t3, "writable_ill_partitions")).isEqualTo(1);
    assertThat(gauge(t3, "healthy_partitions")).isEqualTo(1);

    JsonNode info = new ObjectMapper().readTree(meta.get("/meta/apps?detail").body()).get("healthy_info");
    for (int appId = 1; appId <= 4; appId++) {
      MetricEntity t = registry.find("table@" + appId).orElseThrow();
      JsonNode row = info.get(Integer.toString(appId));
      long dead = gauge(t, "dead_partitions");
      long unreadable = gauge(t, "unreadable_partitions");
      long unwritable = gauge(t, "unwritable_partitions");
      long ill = gauge(t, "writable_ill_partitions");
      long healthy = gauge(t, "healthy_partitions");
      assertThat(healthy).isEqualTo(row.get("fully_healthy").asLong());
      assertThat(dead + unreadable).isEqualTo(row.get("read_unhealthy").asLong());
      assertThat(dead + unreadable + unwritable).isEqualTo(row.get("write_unhealthy").asLong());
      assertThat(dead + unreadable + unwritable + ill).isEqualTo(row.get("unhealthy").asLong());
      assertThat(dead + unreadable + unwritable + ill + healthy).isEqualTo(row.get("partition_count").asLong());
    }
  }

  @Test
  void aReplicaServerFailureCountsDisconnectionsAndPartitionChanges() {
    observe();
    MetricEntity server = registry.server();
    assertThat(gauge(server, "alive_replica_servers")).isEqualTo(2);
    assertThat(gauge(server, "unalive_replica_servers")).isEqualTo(0);
    assertThat(counter(server, "replica_server_disconnections")).isEqualTo(0);

    state.update(s -> s.withNodeDown(R2));
    assertThat(gauge(server, "alive_replica_servers")).isEqualTo(1);
    assertThat(gauge(server, "unalive_replica_servers")).isEqualTo(1);
    assertThat(counter(server, "replica_server_disconnections")).isEqualTo(1);
    MetricEntity even = registry.find("partition@2.0").orElseThrow(); // R1 primary, R2 gone: unwritable
    MetricEntity odd = registry.find("partition@2.1").orElseThrow(); // R2 primary gone: unreadable
    for (MetricEntity p : List.of(even, odd)) {
      assertThat(counter(p, "partition_configuration_changes")).isEqualTo(1);
      assertThat(counter(p, "unwritable_partition_changes")).isEqualTo(1);
      assertThat(counter(p, "writable_partition_changes")).isEqualTo(0);
    }
    MetricEntity table = registry.find("table@2").orElseThrow();
    assertThat(gauge(table, "unwritable_partitions")).isEqualTo(4);
    assertThat(gauge(table, "unreadable_partitions")).isEqualTo(4);

    // R2 is back, and the meta gives partition 2.1 a primary and a secondary again, three ballots on
    state.update(
        s -> s.withNodeUp(R2).toBuilder()
            .table(
                s.table("temp").orElseThrow().withPartitions(
                    replace(s.table("temp").orElseThrow().partitions(), PartitionConfig.of(1, 6, R1, List.of(R2), 3))))
            .build());
    assertThat(gauge(server, "alive_replica_servers")).isEqualTo(2);
    assertThat(counter(server, "replica_server_disconnections")).isEqualTo(1);
    assertThat(counter(odd, "partition_configuration_changes")).isEqualTo(4);
    assertThat(counter(odd, "writable_partition_changes")).isEqualTo(1);
    assertThat(counter(even, "partition_configuration_changes")).isEqualTo(1);
  }

  @Test
  void aDroppedTableRetiresWithItsPartitions() {
    registry.retirementDelay(Duration.ofMinutes(10));
    observe();
    state.update(s -> s.toBuilder().removeTable(1).build());
    observe();
    assertThat(registry.find("table@1")).isPresent(); // frozen, still visible
    nanos.addAndGet(Duration.ofMinutes(11).toNanos());
    assertThat(registry.removeRetired()).isEqualTo(1 + 4);
    assertThat(registry.find("table@1")).isEmpty();
    assertThat(registry.find("partition@1.0")).isEmpty();
    assertThat(registry.find("table@2")).isPresent();
    assertThat(registry.find("partition@2.7")).isPresent();
  }

  @Test
  void aTableThatIsNoLongerAvailableRetiresToo() {
    registry.retirementDelay(Duration.ZERO);
    observe();
    state.update(
        s -> {
          Table stat = s.table("stat").orElseThrow();
          return s.toBuilder()
              .removeTable(1)
              .table(stat.withApp(stat.app().withStatus(AppStatus.DROPPED)).withPartitions(List.of()))
              .build();
        });
    observe();
    nanos.incrementAndGet();
    assertThat(registry.removeRetired()).isEqualTo(5);
  }

  @Test
  void aBackupMetaMaintainsNoTableAndCountsNoServers() {
    MetricRegistry backupRegistry = new MetricRegistry();
    PegasusHttpServer.Builder b = PegasusHttpServer.builder().port(0).metrics(backupRegistry);
    MetaFixtures.meta(state, StaticMetaLeadership.backupOf(MetaFixtures.PRIMARY)).accept(b);
    try (PegasusHttpServer backup = b.build().start()) {
      assertThat(gauge(backupRegistry.server(), "alive_replica_servers")).isEqualTo(0);
      assertThat(gauge(backupRegistry.server(), "unalive_replica_servers")).isEqualTo(0);
      assertThat(backupRegistry.find("table@1")).isEmpty();
    }
  }

  private static List<PartitionConfig> replace(List<PartitionConfig> all, PartitionConfig one) {
    List<PartitionConfig> copy = new java.util.ArrayList<>(all);
    copy.set(one.pidx(), one);
    return copy;
  }

  /** Reading a gauge makes the meta compare the current snapshot with the last one it saw. */
  private void observe() {
    gauge(registry.server(), "alive_replica_servers");
  }

  private static long gauge(MetricEntity e, String name) {
    return ((Gauge) e.metric(name).orElseThrow()).value();
  }

  private static long counter(MetricEntity e, String name) {
    return ((Counter) e.metric(name).orElseThrow()).value();
  }
}
