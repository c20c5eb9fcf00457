package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Envelopes.envelope;
import static dev.pegasus.http.meta.MetaFixtures.R2;
import static dev.pegasus.http.meta.MetaFixtures.q;

import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /meta/app} (reference §2.6). */
final class AppEndpointTest {

  /** The seed's {@code /meta/app?name=stat&detail}, in the real section and key order. */
  static final String SEED_STAT_DETAIL =
      q(
          "{'general':{'app_name':'stat','app_id':'1','partition_count':'4','max_replica_count':'3'},"
              + "'replicas':{"
              + "'0':{'pidx':'0','ballot':'2','replica_count':'2/3','primary':'127.0.0.1:34801','secondaries':'[127.0.0.1:34802]'},"
              + "'1':{'pidx':'1','ballot':'2','replica_count':'2/3','primary':'127.0.0.1:34802','secondaries':'[127.0.0.1:34801]'},"
              + "'2':{'pidx':'2','ballot':'2','replica_count':'2/3','primary':'127.0.0.1:34801','secondaries':'[127.0.0.1:34802]'},"
              + "'3':{'pidx':'3','ballot':'2','replica_count':'2/3','primary':'127.0.0.1:34802','secondaries':'[127.0.0.1:34801]'}},"
              + "'nodes':{"
              + "'127.0.0.1:34801':{'node':'127.0.0.1:34801','primary':'2','secondary':'2','total':'4'},"
              + "'127.0.0.1:34802':{'node':'127.0.0.1:34802','primary':'2','secondary':'2','total':'4'},"
              + "'total':{'node':'total','primary':'4','secondary':'4','total':'8'}},"
              + "'healthy':{'fully_healthy_partition_count':'0','unhealthy_partition_count':'4','write_unhealthy_partition_count':'0','read_unhealthy_partition_count':'0'}}\n");

  static final InMemoryMetaState state = new InMemoryMetaState(MetaSnapshot.empty());

  @RegisterExtension
  static final PegasusServerExtension meta = MetaFixtures.primaryServing(state, MetaFixtures::seedCluster);

  @Test
  void generalBodyOfPegasusUnitTest() {
    state.set(MetaFixtures.unitTestCluster());
    TestResponse r = meta.get("/meta/app?name=test_meta_http");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.body())
        .isEqualTo(
            "{\"general\":{\"app_name\":\"test_meta_http\",\"app_id\":\"2\",\"partition_count\":\"8\",\"max_replica_count\":\"3\"}}\n");
  }

  @Test
  void seedStatExampleWithDetail() {
    TestResponse r = meta.get("/meta/app?name=stat&detail");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(SEED_STAT_DETAIL);
  }

  @Test
  void detailFlagAcceptsTrueAndOneAndFalseTurnsItOff() {
    assertThat(meta.get("/meta/app?detail=1&name=stat").body()).isEqualTo(SEED_STAT_DETAIL);
    assertThat(meta.get("/meta/app?name=stat&detail=true").body()).isEqualTo(SEED_STAT_DETAIL);
    assertThat(meta.get("/meta/app?name=stat&detail=false").body())
        .isEqualTo(
            q(
                "{'general':{'app_name':'stat','app_id':'1','partition_count':'4','max_replica_count':'3'}}\n"));
  }

  @Test
  void failedNodeShowsInReplicasNodesAndHealth() {
    state.update(s -> s.withNodeDown(R2));
    TestResponse r = meta.get("/meta/app?name=stat&detail");
    assertThat(r.body())
        .isEqualTo(
            q(
                "{'general':{'app_name':'stat','app_id':'1','partition_count':'4','max_replica_count':'3'},"
                    + "'replicas':{"
                    + "'0':{'pidx':'0','ballot':'3','replica_count':'1/3','primary':'127.0.0.1:34801','secondaries':'[]'},"
                    + "'1':{'pidx':'1','ballot':'3','replica_count':'1/3','primary':'-','secondaries':'[127.0.0.1:34801]'},"
                    + "'2':{'pidx':'2','ballot':'3','replica_count':'1/3','primary':'127.0.0.1:34801','secondaries':'[]'},"
                    + "'3':{'pidx':'3','ballot':'3','replica_count':'1/3','primary':'-','secondaries':'[127.0.0.1:34801]'}},"
                    + "'nodes':{"
                    + "'127.0.0.1:34801':{'node':'127.0.0.1:34801','primary':'2','secondary':'2','total':'4'},"
                    + "'total':{'node':'total','primary':'2','secondary':'2','total':'4'}},"
                    + "'healthy':{'fully_healthy_partition_count':'0','unhealthy_partition_count':'4','write_unhealthy_partition_count':'4','read_unhealthy_partition_count':'2'}}\n"));
  }

  @Test
  void nodesAreOrderedByAddressNumerically() {
    HostPort nine = HostPort.parse("10.0.0.9:1");
    HostPort ten = HostPort.parse("10.0.0.10:1");
    Table t =
        Table.of(
            AppInfo.builder(7, "ordered").partitionCount(2).maxReplicaCount(2).build(),
            List.of(
                PartitionConfig.of(0, 1, ten, List.of(nine), 2),
                PartitionConfig.of(1, 1, ten, List.of(nine), 2)));
    state.update(s -> s.toBuilder().table(t).build());
    String body = meta.get("/meta/app?name=ordered&detail").body();
    assertThat(body)
        .contains(
            q(
                "'nodes':{'10.0.0.9:1':{'node':'10.0.0.9:1','primary':'0','secondary':'2','total':'2'},"
                    + "'10.0.0.10:1':{'node':'10.0.0.10:1','primary':'2','secondary':'0','total':'2'},"
                    + "'total':{'node':'total','primary':'2','secondary':'2','total':'4'}}"));
    assertThat(body).contains(q("'secondaries':'[10.0.0.9:1]'"));
  }

  @Test
  void tableWithoutPartitionsHasEmptySections() {
    Table empty = Table.of(AppInfo.builder(9, "empty").partitionCount(0).build(), List.of());
    state.update(s -> s.toBuilder().table(empty).build());
    assertThat(meta.get("/meta/app?name=empty&detail").body())
        .isEqualTo(
            q(
                "{'general':{'app_name':'empty','app_id':'9','partition_count':'0','max_replica_count':'0'},"
                    + "'replicas':{},'nodes':{'total':{'node':'total','primary':'0','secondary':'0','total':'0'}},"
                    + "'healthy':{'fully_healthy_partition_count':'0','unhealthy_partition_count':'0','write_unhealthy_partition_count':'0','read_unhealthy_partition_count':'0'}}\n"));
  }

  @Test
  void secondariesListEveryNodeWithoutSpaces() {
    state.set(MetaFixtures.unitTestCluster());
    assertThat(meta.get("/meta/app?name=test_meta_http&detail").body())
        .contains(
            q(
                "'0':{'pidx':'0','ballot':'3','replica_count':'3/3','primary':'127.0.0.1:34801',"
                    + "'secondaries':'[127.0.0.1:34802,127.0.0.1:34803]'}"));
  }

  @Test
  void unknownTableIs404() {
    assertError(meta.get("/meta/app?name=nope"), 404, "Not Found", "table not found: \"nope\"");
  }

  @Test
  void droppedTableIs404() {
    Table gone = MetaFixtures.alternating(5, "gone", 2);
    Table dropped = gone.withApp(gone.app().withStatus(AppStatus.DROPPED));
    state.update(s -> s.toBuilder().table(dropped).build());
    assertError(meta.get("/meta/app?name=gone"), 404, "Not Found", "table not found: \"gone\"");
  }

  @ParameterizedTest
  @EnumSource(
      value = AppStatus.class,
      names = {"CREATING", "RECALLING", "DROPPING"})
  void busyTableIs409WithItsStatusAndRetryAfter(AppStatus status) {
    setStatOf(status);
    TestResponse r = meta.get("/meta/app?name=stat&detail");
    String error = status == AppStatus.DROPPING ? "ERR_BUSY_DROPPING" : "ERR_BUSY_CREATING";
    assertError(
        r,
        409,
        "Conflict",
        "table \"stat\" is "
            + status
            + ", not AVAILABLE ("
            + error
            + "); ask again when it is available");
    assertThat(r.header("Retry-After")).hasValue("1");
  }

  @ParameterizedTest
  @EnumSource(
      value = AppStatus.class,
      names = {"CREATE_FAILED", "DROP_FAILED"})
  void failedTableIs409WithoutRetryAfter(AppStatus status) {
    setStatOf(status);
    TestResponse r = meta.get("/meta/app?name=stat");
    assertError(
        r,
        409,
        "Conflict",
        "table \"stat\" is "
            + status
            + ", not AVAILABLE (ERR_UNKNOWN); ask again when it is available");
    assertThat(r.header("Retry-After")).isEmpty();
  }

  private static void setStatOf(AppStatus status) {
    state.update(
        s -> {
          Table stat = s.table("stat").orElseThrow();
          return s.toBuilder().table(stat.withApp(stat.app().withStatus(status))).build();
        });
  }

  private static void assertError(TestResponse r, int status, String error, String message) {
    assertThat(r.body()).isEqualTo(envelope(status, error, message, "/meta/app"));
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.contentType()).isEqualTo("application/json");
  }
}
