package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Envelopes.envelope;

import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /meta/app/duplication} (reference §2.12). */
final class AppDuplicationEndpointTest {

  static final InMemoryMetaState state = new InMemoryMetaState(MetaSnapshot.empty());

  @RegisterExtension
  static final PegasusServerExtension meta = MetaFixtures.primaryServing(state, MetaFixtures::unitTestCluster);

  @Test
  void bodyOfPegasusUnitTest() {
    String ts =
        LocalDateTime.ofInstant(Instant.ofEpochSecond(MetaFixtures.DUP_ID), MetaFixtures.ZONE)
            .toString()
            .replace('T', ' ');
    assertThat(ts).isEqualTo("2020-03-09 18:13:50");
    TestResponse r = meta.get("/meta/app/duplication?name=test_meta_http");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.body())
        .isEqualTo(
            "{\"1\":{\"create_ts\":\""
                + ts
                + "\",\"dupid\":"
                + MetaFixtures.DUP_ID
                + ",\"fail_mode\":\"FAIL_SLOW\",\"partition_states\":null,\"remote\":\"slave-cluster\","
                + "\"remote_app_name\":\"test_meta_http\",\"remote_replica_count\":3,\"status\":\"DS_START\"},\"appid\":2}");
  }

  @Test
  void masterBodyOfPegasusUnitTest() {
    Map<Integer, Duplication.PartitionState> states = new HashMap<>();
    for (int p = 0; p < 8; p++) {
      states.put(p, new Duplication.PartitionState(-1, -1));
    }
    setDuplications(
        List.of(
            new Duplication(
                    MetaFixtures.DUP_ID, "slave-cluster", DuplicationStatus.PREPARE, DuplicationFailMode.SLOW,
                    MetaFixtures.DUP_ID * 1000L)
                .withRemoteTable("remote_test_app", 3)
                .withPartitionStates(states)));
    StringBuilder partitions = new StringBuilder();
    for (int p = 0; p < 8; p++) {
      partitions.append(p == 0 ? "" : ",").append("\"").append(p)
          .append("\":{\"confirmed_decree\":-1,\"last_committed_decree\":-1}");
    }
    assertThat(meta.get("/meta/app/duplication?name=test_meta_http").body())
        .isEqualTo(
            "{\"1\":{\"create_ts\":\"2020-03-09 18:13:50\",\"dupid\":" + MetaFixtures.DUP_ID
                + ",\"fail_mode\":\"FAIL_SLOW\",\"partition_states\":{" + partitions
                + "},\"remote\":\"slave-cluster\",\"remote_app_name\":\"remote_test_app\","
                + "\"remote_replica_count\":3,\"status\":\"DS_PREPARE\"},\"appid\":2}");
  }

  @Test
  void tableWithoutDuplicationsIsAnEmptyObject() {
    setDuplications(List.of());
    assertThat(meta.get("/meta/app/duplication?name=test_meta_http").body()).isEqualTo("{}");
  }

  @Test
  void entriesAreNumberedInIdOrderAndKeysSortAsStrings() {
    List<Duplication> dups = new ArrayList<>();
    DuplicationStatus[] statuses = DuplicationStatus.values();
    DuplicationFailMode[] modes = DuplicationFailMode.values();
    for (int i = 11; i >= 1; i--) {
      dups.add(
          new Duplication(
              1000 + i, "c" + i, statuses[i % statuses.length], modes[i % modes.length], 0));
    }
    setDuplications(dups);
    String body = meta.get("/meta/app/duplication?name=test_meta_http").body();
    assertThat(body).startsWith("{\"1\":{\"create_ts\":\"1970-01-01 08:00:00\",\"dupid\":1001,");
    assertThat(body).contains("},\"10\":{\"create_ts\":\"1970-01-01 08:00:00\",\"dupid\":1010,");
    assertThat(body).contains("},\"11\":{");
    assertThat(body).contains("},\"2\":{\"create_ts\":\"1970-01-01 08:00:00\",\"dupid\":1002,");
    assertThat(body).endsWith("},\"appid\":2}");
    for (DuplicationStatus s : statuses) {
      assertThat(body).contains("\"status\":\"DS_" + s.name() + "\"");
    }
    assertThat(body).contains("\"fail_mode\":\"FAIL_SLOW\"");
    assertThat(body).contains("\"fail_mode\":\"FAIL_SKIP\"");
    assertThat(body).contains("\"fail_mode\":\"FAIL_FAST\"");
  }

  @Test
  void unknownTableIs404() {
    TestResponse r = meta.get("/meta/app/duplication?name=test-appnot-found");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body())
        .isEqualTo(
            envelope(
                404,
                "Not Found",
                "ERR_APP_NOT_EXIST: no AVAILABLE table named \"test-appnot-found\"",
                "/meta/app/duplication"));
  }

  @Test
  void unavailableTableIs404() {
    state.update(
        s -> {
          Table t = s.table("test_meta_http").orElseThrow();
          return s.toBuilder().table(t.withApp(t.app().withStatus(AppStatus.CREATING))).build();
        });
    assertThat(meta.get("/meta/app/duplication?name=test_meta_http").status()).isEqualTo(404);
  }

  @Test
  void disabledDuplicationIs404() {
    state.update(
        s ->
            s.toBuilder()
                .cluster(s.cluster().toBuilder().duplicationEnabled(false).build())
                .build());
    TestResponse r = meta.get("/meta/app/duplication?name=test_meta_http");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body())
        .isEqualTo(
            envelope(
                404,
                "Not Found",
                "duplication is not enabled [duplication_enabled=false]",
                "/meta/app/duplication"));
  }

  private static void setDuplications(List<Duplication> dups) {
    state.update(
        s ->
            s.toBuilder()
                .table(s.table("test_meta_http").orElseThrow().withDuplications(dups))
                .build());
  }
}
