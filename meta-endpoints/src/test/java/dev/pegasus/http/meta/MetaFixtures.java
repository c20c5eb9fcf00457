package dev.pegasus.http.meta;

import com.google.common.collect.ImmutableSortedSet;
import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.testing.PegasusServerExtension;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Known cluster states the tests rebuild the reference's examples from (public for meta-zookeeper's tests). */
public final class MetaFixtures {

  /** The zone the test servers print local times in (registered as their Clock's zone). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** One request to each of the seven /meta endpoints that the seed cluster answers with 200. */
  public static final List<String> ALL_SEVEN = List.of(
      "/meta/app?name=stat&detail",
      "/meta/app/duplication?name=temp",
      "/meta/app_envs?name=temp",
      "/meta/apps?detail",
      "/meta/backup_policy",
      "/meta/cluster",
      "/meta/nodes?detail");

  static final HostPort R1 = HostPort.parse("127.0.0.1:34801");
  static final HostPort R2 = HostPort.parse("127.0.0.1:34802");
  static final HostPort R3 = HostPort.parse("127.0.0.1:34803");

  /** The seed's create time, 2019-08-15 12:34:15 local. */
  static final long SEED_CREATE_SECOND =
      LocalDateTime.of(2019, 8, 15, 12, 34, 15).atZone(ZONE).toEpochSecond();

  /** The dup id (and creation second) of the duplication in {@link #unitTestCluster()}. */
  static final int DUP_ID = 1583748830;

  private MetaFixtures() {}

  /** The address the static primary claims; {@code /meta/cluster} prints it. */
  static final String PRIMARY = "127.0.0.1:34601";

  /** A meta-role server over {@code state} with {@code leadership}, in {@link #ZONE}, no access log. */
  static Consumer<PegasusHttpServer.Builder> meta(MetaState state, MetaLeadership leadership) {
    return b -> b.role("meta")
        .service(MetaState.class, state)
        .service(MetaLeadership.class, leadership)
        .service(Clock.class, Clock.system(ZONE))
        .configure(c -> c.accessLog(false));
  }

  /**
   * One primary meta (at {@link #PRIMARY}) for the test class over {@code state}, which is reset to
   * {@code fixture} before every test, so that a test that changes the cluster affects no other.
   */
  static PegasusServerExtension primaryServing(InMemoryMetaState state, Supplier<MetaSnapshot> fixture) {
    return PegasusServerExtension.perClass(meta(state, StaticMetaLeadership.self(PRIMARY)))
        .beforeEachTest(() -> state.set(fixture.get()));
  }

  /**
   * JSON written with single quotes for readability: {@code q("{'a':'1'}")} is {@code {"a":"1"}}.
   */
  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** The onebox facts of the reference's {@code /meta/cluster} example. */
  static ClusterFacts oneboxFacts() {
    return ClusterFacts.builder()
        .metaServers(List.of("127.0.0.1:34601", "127.0.0.1:34602", "127.0.0.1:34603"))
        .zookeeperHosts("127.0.0.1:22181")
        .zookeeperRoot("/pegasus/onebox/127.0.0.1")
        .build();
  }

  /**
   * The seed's examples: replica servers 34801 and 34802, tables {@code stat} (id 1, 4 partitions)
   * and {@code temp} (id 2, 8 partitions), every partition at 2/3 replicas with the primaries
   * alternating, ballot 2.
   */
  public static MetaSnapshot seedCluster() {
    return MetaSnapshot.builder()
        .cluster(oneboxFacts())
        .node(NodeState.alive(R1))
        .node(NodeState.alive(R2))
        .table(alternating(1, "stat", 4))
        .table(alternating(2, "temp", 8))
        .build();
  }

  /**
   * A table whose partition {@code i} has primary R1 (even i) or R2 (odd i) and the other as
   * secondary.
   */
  static Table alternating(int appId, String name, int partitionCount) {
    List<PartitionConfig> partitions = new ArrayList<>();
    for (int i = 0; i < partitionCount; i++) {
      HostPort primary = i % 2 == 0 ? R1 : R2;
      HostPort secondary = i % 2 == 0 ? R2 : R1;
      partitions.add(PartitionConfig.of(i, 2, primary, List.of(secondary), 3));
    }
    return Table.of(
        AppInfo.builder(appId, name)
            .partitionCount(partitionCount)
            .maxReplicaCount(3)
            .createSecond(SEED_CREATE_SECOND)
            .build(),
        partitions);
  }

  /** A fully healthy table: every partition has R1, R2 and R3, primaries rotating. */
  static Table healthy(int appId, String name, int partitionCount) {
    List<HostPort> nodes = List.of(R1, R2, R3);
    List<PartitionConfig> partitions = new ArrayList<>();
    for (int i = 0; i < partitionCount; i++) {
      partitions.add(
          PartitionConfig.of(
              i, 3, nodes.get(i % 3), List.of(nodes.get((i + 1) % 3), nodes.get((i + 2) % 3)), 3));
    }
    return Table.of(
        AppInfo.builder(appId, name).partitionCount(partitionCount).maxReplicaCount(3).build(),
        partitions);
  }

  /**
   * The state of Pegasus's meta unit tests: table {@code test_meta_http} (id 2, 8 partitions, 3
   * replicas) with env {@code replica.slow_query_threshold=100} (plus {@code value_version=1} from
   * the create helper) and one duplication to {@code slave-cluster}.
   */
  static MetaSnapshot unitTestCluster() {
    Table base = healthy(2, "test_meta_http", 8);
    Table table =
        base.withApp(
                base.app().toBuilder()
                    .envs(Map.of("value_version", "1", "replica.slow_query_threshold", "100"))
                    .build())
            .withDuplications(
                List.of(
                    new Duplication(
                        DUP_ID,
                        "slave-cluster",
                        DuplicationStatus.START,
                        DuplicationFailMode.SLOW,
                        DUP_ID * 1000L)));
    return MetaSnapshot.builder()
        .cluster(oneboxFacts())
        .node(NodeState.alive(R1))
        .node(NodeState.alive(R2))
        .node(NodeState.alive(R3))
        .table(table)
        .build();
  }

  /** The policy of Pegasus's backup test: local_service, daily, keep 1, 12:00, table 2. */
  static BackupPolicy testPolicy(String name) {
    return new BackupPolicy(
        name, "local_service", 86400, ImmutableSortedSet.of(2), LocalTime.of(12, 0), true, 1);
  }
}
