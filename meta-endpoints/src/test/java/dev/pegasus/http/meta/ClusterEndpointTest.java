package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.meta.MetaFixtures.R1;
import static dev.pegasus.http.meta.MetaFixtures.R2;
import static dev.pegasus.http.meta.MetaFixtures.R3;
import static dev.pegasus.http.meta.MetaFixtures.q;

import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /meta/cluster} (reference §2.9). */
final class ClusterEndpointTest {

  static final InMemoryMetaState state = new InMemoryMetaState(MetaSnapshot.empty());

  @RegisterExtension
  static final PegasusServerExtension meta = MetaFixtures.primaryServing(state, MetaFixtures::seedCluster);

  @Test
  void referenceExample() {
    TestResponse r = meta.get("/meta/cluster");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.body())
        .isEqualTo(
            "{\"meta_servers\":\"127.0.0.1:34601,127.0.0.1:34602,127.0.0.1:34603\",\"primary_meta_server\":\"127.0.0.1:34601\",\"zookeeper_hosts\":\"127.0.0.1:22181\",\"zookeeper_root\":\"/pegasus/onebox/127.0.0.1\",\"meta_function_level\":\"steady\",\"balance_operation_count\":\"move_pri=0,copy_pri=0,copy_sec=0,total=0\",\"primary_replica_count_stddev\":\"0.00\",\"total_replica_count_stddev\":\"0.00\"}\n");
  }

  @Test
  void factsArePrintedThePegasusWay() {
    state.update(
        s ->
            s.toBuilder()
                .cluster(
                    s.cluster().toBuilder()
                        .metaServers(List.of("10.0.0.1:34601"))
                        .zookeeperHosts(" zk1:2181, zk2:2181 ")
                        .zookeeperRoot("pegasus//c1/")
                        .functionLevel(MetaFunctionLevel.LIVELY)
                        .balanceOperations(BalanceOperations.counted(1, 2, 3))
                        .build())
                .build());
    assertThat(meta.get("/meta/cluster").body())
        .startsWith(
            q(
                "{'meta_servers':'10.0.0.1:34601','primary_meta_server':'127.0.0.1:34601',"
                    + "'zookeeper_hosts':'zk1:2181,zk2:2181','zookeeper_root':'/pegasus/c1',"
                    + "'meta_function_level':'lively','balance_operation_count':'move_pri=1,copy_pri=2,copy_sec=3,total=6',"));
  }

  @Test
  void balancerWithoutCountsIsUnknown() {
    state.update(
        s ->
            s.toBuilder()
                .cluster(
                    s.cluster().toBuilder().balanceOperations(BalanceOperations.unknown()).build())
                .build());
    assertThat(meta.get("/meta/cluster").body()).contains(q("'balance_operation_count':'unknown'"));
  }

  @Test
  void unbalancedClusterHasPopulationDeviations() {
    // primaries 7, 7, 1 and totals 15, 15, 3 over three alive nodes
    state.update(
        s ->
            s.toBuilder()
                .node(NodeState.alive(R3))
                .table(MetaFixtures.healthy(3, "good", 3))
                .build());
    assertThat(meta.get("/meta/cluster").body())
        .endsWith(
            q("'primary_replica_count_stddev':'2.83','total_replica_count_stddev':'5.66'}\n"));
  }

  @Test
  void deadNodeStillHoldingReplicasSwitchesToSampleDeviation() {
    // alive: R1 holds 1 primary + 1 secondary, R2 3 + 1; dead R3 still holds one secondary
    Table t =
        Table.of(
            AppInfo.builder(9, "x").partitionCount(4).build(),
            List.of(
                PartitionConfig.of(0, 1, R1, List.of(R2), 3),
                PartitionConfig.of(1, 1, R2, List.of(R1), 3),
                PartitionConfig.of(2, 1, R2, List.of(R3), 3),
                PartitionConfig.of(3, 1, R2, List.of(), 3)));
    state.set(
        MetaSnapshot.builder()
            .node(NodeState.alive(R1))
            .node(NodeState.alive(R2))
            .node(NodeState.unalive(R3))
            .table(t)
            .build());
    assertThat(meta.get("/meta/cluster").body())
        .endsWith(
            q("'primary_replica_count_stddev':'1.00','total_replica_count_stddev':'1.41'}\n"));
  }
}
