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

/** {@code /meta/nodes} (reference §2.8). */
final class NodesEndpointTest {

  static final InMemoryMetaState state = new InMemoryMetaState(MetaSnapshot.empty());

  @RegisterExtension
  static final PegasusServerExtension meta = MetaFixtures.primaryServing(state, MetaFixtures::seedCluster);

  @Test
  void seedExampleWithDetail() {
    TestResponse r = meta.get("/meta/nodes?detail");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.body())
        .isEqualTo(
            q(
                "{'details':{"
                    + "'127.0.0.1:34801':{'address':'127.0.0.1:34801','status':'ALIVE','replica_count':'12',"
                    + "'primary_count':'6','secondary_count':'6'},"
                    + "'127.0.0.1:34802':{'address':'127.0.0.1:34802','status':'ALIVE','replica_count':'12',"
                    + "'primary_count':'6','secondary_count':'6'}},'summary':{'total_node_count':'2','alive_node_count':'2','unalive_node_count':'0'}}\n"));
  }

  @Test
  void withoutDetailOnlyAddressAndStatus() {
    assertThat(meta.get("/meta/nodes").body())
        .isEqualTo(
            q(
                "{'details':{'127.0.0.1:34801':{'address':'127.0.0.1:34801','status':'ALIVE'},"
                    + "'127.0.0.1:34802':{'address':'127.0.0.1:34802','status':'ALIVE'}},'summary':{'total_node_count':'2','alive_node_count':'2','unalive_node_count':'0'}}\n"));
  }

  @Test
  void emptyNodeSet() {
    state.set(MetaSnapshot.empty());
    assertThat(meta.get("/meta/nodes?detail").body())
        .isEqualTo(
            q(
                "{'details':{},'summary':{'total_node_count':'0','alive_node_count':'0','unalive_node_count':'0'}}\n"));
  }

  @Test
  void killedNodeIsUnaliveAndHoldsNothing() {
    state.update(s -> s.toBuilder().node(NodeState.alive(R3)).build().withNodeDown(R2));
    assertThat(meta.get("/meta/nodes?detail").body())
        .isEqualTo(
            q(
                "{'details':{"
                    + "'127.0.0.1:34801':{'address':'127.0.0.1:34801','status':'ALIVE','replica_count':'12',"
                    + "'primary_count':'6','secondary_count':'6'},"
                    + "'127.0.0.1:34802':{'address':'127.0.0.1:34802','status':'UNALIVE','replica_count':'0',"
                    + "'primary_count':'0','secondary_count':'0'},"
                    + "'127.0.0.1:34803':{'address':'127.0.0.1:34803','status':'ALIVE','replica_count':'0',"
                    + "'primary_count':'0','secondary_count':'0'}},'summary':{'total_node_count':'3','alive_node_count':'2','unalive_node_count':'1'}}\n"));
  }

  @Test
  void onlyAvailableTablesAndKnownNodesAreCounted() {
    Table dropping = MetaFixtures.alternating(3, "dropping", 4);
    HostPort stranger = HostPort.parse("127.0.0.1:40000");
    Table odd =
        Table.of(
            AppInfo.builder(4, "odd").partitionCount(1).build(),
            List.of(PartitionConfig.of(0, 1, stranger, List.of(R1), 3)));
    state.update(
        s ->
            s.toBuilder()
                .table(dropping.withApp(dropping.app().withStatus(AppStatus.DROPPING)))
                .table(odd)
                .build());
    String body = meta.get("/meta/nodes?detail").body();
    assertThat(body)
        .contains(
            q(
                "'127.0.0.1:34801':{'address':'127.0.0.1:34801','status':'ALIVE','replica_count':'13',"
                    + "'primary_count':'6','secondary_count':'7'}"));
    assertThat(body).doesNotContain("40000");
  }

  @Test
  void addressesAreOrderedNumerically() {
    state.set(
        MetaSnapshot.builder()
            .node(NodeState.alive(HostPort.parse("10.0.0.10:1")))
            .node(NodeState.unalive(HostPort.parse("10.0.0.9:2")))
            .node(NodeState.alive(HostPort.parse("10.0.0.9:1")))
            .build());
    assertThat(meta.get("/meta/nodes").body())
        .isEqualTo(
            q(
                "{'details':{'10.0.0.9:1':{'address':'10.0.0.9:1','status':'ALIVE'},"
                    + "'10.0.0.9:2':{'address':'10.0.0.9:2','status':'UNALIVE'},"
                    + "'10.0.0.10:1':{'address':'10.0.0.10:1','status':'ALIVE'}},'summary':{'total_node_count':'3','alive_node_count':'2','unalive_node_count':'1'}}\n"));
  }
}
