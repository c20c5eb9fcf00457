package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.meta.MetaFixtures.R2;
import static dev.pegasus.http.meta.MetaFixtures.q;

import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /meta/apps} (reference §2.7). */
final class AppsEndpointTest {

  static final String SEED_GENERAL_INFO =
      q(
          "'general_info':{"
              + "'1':{'app_id':'1','status':'AVAILABLE','app_name':'stat','app_type':'pegasus','partition_count':'4','replica_count':'3','is_stateful':'true','create_time':'2019-08-15"
              + " 12:34:15.000','drop_time':'-','drop_expire':'-','envs_count':'0'},"
              + "'2':{'app_id':'2','status':'AVAILABLE','app_name':'temp','app_type':'pegasus','partition_count':'8','replica_count':'3','is_stateful':'true','create_time':'2019-08-15"
              + " 12:34:15.000','drop_time':'-','drop_expire':'-','envs_count':'0'}}");

  static final InMemoryMetaState state = new InMemoryMetaState(MetaSnapshot.empty());

  @RegisterExtension
  static final PegasusServerExtension meta = MetaFixtures.primaryServing(state, MetaFixtures::seedCluster);

  @Test
  void emptyClusterBody() {
    state.set(MetaSnapshot.empty());
    String expected = q("{'general_info':{},'summary':{'total_app_count':'0'}}\n");
    assertThat(meta.get("/meta/apps").body()).isEqualTo(expected);
    assertThat(meta.get("/meta/apps?detail").body()).isEqualTo(expected);
  }

  @Test
  void seedTablesWithoutDetail() {
    TestResponse r = meta.get("/meta/apps");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.body())
        .isEqualTo("{" + SEED_GENERAL_INFO + q(",'summary':{'total_app_count':'2'}}\n"));
  }

  @Test
  void seedTablesWithDetail() {
    assertThat(meta.get("/meta/apps?detail").body())
        .isEqualTo(
            "{"
                + SEED_GENERAL_INFO
                + q(
                    ",'healthy_info':{"
                        + "'1':{'app_id':'1','app_name':'stat','partition_count':'4','fully_healthy':'0','unhealthy':'4',"
                        + "'write_unhealthy':'0','read_unhealthy':'0'},"
                        + "'2':{'app_id':'2','app_name':'temp','partition_count':'8','fully_healthy':'0','unhealthy':'8',"
                        + "'write_unhealthy':'0','read_unhealthy':'0'}},"
                        + "'summary':{'total_app_count':'2','fully_healthy_app_count':'0','unhealthy_app_count':'2','write_unhealthy_app_count':'0','read_unhealthy_app_count':'0'}}\n"));
  }

  @Test
  void onlyAvailableTablesAreListed() {
    MetaSnapshot.Builder b = MetaFixtures.seedCluster().toBuilder();
    int id = 10;
    for (AppStatus status : AppStatus.values()) {
      if (status != AppStatus.AVAILABLE) {
        Table t = MetaFixtures.alternating(id, "t" + id, 2);
        b.table(t.withApp(t.app().withStatus(status)));
        id++;
      }
    }
    state.set(b.build());
    assertThat(meta.get("/meta/apps").body())
        .isEqualTo("{" + SEED_GENERAL_INFO + q(",'summary':{'total_app_count':'2'}}\n"));
  }

  @Test
  void healthCountsOfAMixedCluster() {
    state.set(
        MetaFixtures.seedCluster().toBuilder()
            .node(NodeState.alive(MetaFixtures.R3))
            .table(MetaFixtures.healthy(3, "good", 3))
            .build()
            .withNodeDown(R2));
    assertThat(meta.get("/meta/apps?detail").body())
        .contains(
            q(
                "'healthy_info':{"
                    + "'1':{'app_id':'1','app_name':'stat','partition_count':'4','fully_healthy':'0','unhealthy':'4',"
                    + "'write_unhealthy':'4','read_unhealthy':'2'},"
                    + "'2':{'app_id':'2','app_name':'temp','partition_count':'8','fully_healthy':'0','unhealthy':'8',"
                    + "'write_unhealthy':'8','read_unhealthy':'4'},"
                    + "'3':{'app_id':'3','app_name':'good','partition_count':'3','fully_healthy':'0','unhealthy':'3',"
                    + "'write_unhealthy':'1','read_unhealthy':'1'}},"
                    + "'summary':{'total_app_count':'3','fully_healthy_app_count':'0','unhealthy_app_count':'3','write_unhealthy_app_count':'3','read_unhealthy_app_count':'3'}}\n"));
  }

  @Test
  void fullyHealthyTablesAreCounted() {
    state.set(
        MetaSnapshot.builder()
            .table(MetaFixtures.healthy(1, "a", 4))
            .table(MetaFixtures.healthy(2, "b", 2))
            .build());
    assertThat(meta.get("/meta/apps?detail").body())
        .endsWith(
            q(
                "'summary':{'total_app_count':'2','fully_healthy_app_count':'2','unhealthy_app_count':'0','write_unhealthy_app_count':'0','read_unhealthy_app_count':'0'}}\n"));
  }

  @Test
  void rowsFollowAppIdOrderAndShowEveryColumn() {
    AppInfo custom =
        AppInfo.builder(3, "custom")
            .appType("rrdb")
            .partitionCount(1)
            .maxReplicaCount(5)
            .stateful(false)
            .envs(Map.of("a", "1", "b", "2"))
            .build();
    Table t = Table.of(custom, List.of(PartitionConfig.of(0, 1, MetaFixtures.R1, List.of(), 5)));
    state.set(
        MetaSnapshot.builder().table(t).table(MetaFixtures.alternating(1, "stat", 4)).build());
    assertThat(meta.get("/meta/apps").body())
        .isEqualTo(
            q(
                "{'general_info':{"
                    + "'1':{'app_id':'1','status':'AVAILABLE','app_name':'stat','app_type':'pegasus','partition_count':'4','replica_count':'3','is_stateful':'true','create_time':'2019-08-15"
                    + " 12:34:15.000','drop_time':'-','drop_expire':'-','envs_count':'0'},"
                    + "'3':{'app_id':'3','status':'AVAILABLE','app_name':'custom','app_type':'rrdb','partition_count':'1',"
                    + "'replica_count':'5','is_stateful':'false','create_time':'-','drop_time':'-',"
                    + "'drop_expire':'-','envs_count':'2'}},'summary':{'total_app_count':'2'}}\n"));
  }
}
