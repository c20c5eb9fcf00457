package dev.pegasus.http.replica;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Envelopes.envelope;
import static dev.pegasus.http.testing.HttpCalls.get;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.replica.spi.DuplicationProgress;
import dev.pegasus.http.replica.spi.FailMode;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import dev.pegasus.http.replica.spi.ReplicaState;
import dev.pegasus.http.testing.TestResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /replica/duplication} over real sockets: the reference body and every 400/404. */
final class DuplicationEndpointTest {

  private static final String PATH = "/replica/duplication";
  private static final DuplicationProgress PAUSED_DUP =
      new DuplicationProgress(1583306653, FailMode.FAIL_SLOW, true, 1000, 1050);

  private final InMemoryReplicaState state =
      new InMemoryReplicaState(
          ReplicaSnapshot.builder()
              .put(HostedReplica.primary(new Gpid(1, 1), "temp", 1100, PAUSED_DUP))
              .put(HostedReplica.secondary(new Gpid(2, 0), "other", 7))
              .put(HostedReplica.primary(new Gpid(3, 0), "nodup", 7))
              .build());
  private PegasusHttpServer server;

  @BeforeEach
  void start() {
    server =
        PegasusHttpServer.builder().role("replica").port(0).service(ReplicaState.class, state).build().start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void referenceBodyIsPinned() {
    // Pegasus master's dup_replica_http_service_test body: 2.0's plus remote_app_name.
    TestResponse r = get(server, PATH + "?appid=1");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.body())
        .isEqualTo(
            "{\"1583306653\":{\"1.1\":{\"duplicating\":false,\"fail_mode\":\"FAIL_SLOW\","
                + "\"not_confirmed_mutations_num\":100,\"not_duplicated_mutations_num\":50,"
                + "\"remote_app_name\":\"temp\"}}}");
  }

  @Test
  void remoteAppNameIsTheDuplicationsOwnWhenItHasOne() {
    state.replace(
        ReplicaSnapshot.builder()
            .put(HostedReplica.primary(new Gpid(1, 0), "temp", 1100, PAUSED_DUP.withRemoteAppName("temp_backup")))
            .build());
    assertThat(get(server, PATH + "?appid=1").body()).endsWith("\"remote_app_name\":\"temp_backup\"}}}");
  }

  @Test
  void missingAppidIs400() {
    assertError(PATH, 400, "Bad Request", "appid should not be empty");
  }

  @Test
  void emptyAppidIs400() {
    assertError(PATH + "?appid=", 400, "Bad Request", "appid should not be empty");
  }

  @Test
  void nonNumericAppidIs400() {
    assertError(PATH + "?appid=2xx", 400, "Bad Request", "invalid appid=2xx");
  }

  @Test
  void negativeAppidIs400() {
    assertError(PATH + "?appid=-1", 400, "Bad Request", "invalid appid=-1");
  }

  @Test
  void appidAboveInt32Is400() {
    assertError(PATH + "?appid=2147483648", 400, "Bad Request", "invalid appid=2147483648");
    assertError(
        PATH + "?appid=99999999999999999999999", 400, "Bad Request", "invalid appid=99999999999999999999999");
  }

  @Test
  void appidIsPlainDecimal() {
    assertError(PATH + "?appid=0x10", 400, "Bad Request", "invalid appid=0x10");
    assertError(PATH + "?appid=%201", 400, "Bad Request", "invalid appid= 1");
    // 010 is ten here, not Pegasus's octal eight.
    assertError(PATH + "?appid=010", 404, "Not Found", "no primary for app [appid=10]");
    assertThat(get(server, PATH + "?appid=%2B1").status()).isEqualTo(200);
  }

  @Test
  void largestInt32IsAccepted() {
    assertError(PATH + "?appid=2147483647", 404, "Not Found", "no primary for app [appid=2147483647]");
  }

  @Test
  void appWithOnlySecondariesHereIs404() {
    assertError(PATH + "?appid=2", 404, "Not Found", "no primary for app [appid=2]");
  }

  @Test
  void unknownAppIs404() {
    assertError(PATH + "?appid=42", 404, "Not Found", "no primary for app [appid=42]");
  }

  @Test
  void primaryWithoutDuplicationIs404() {
    assertError(PATH + "?appid=3", 404, "Not Found", "no duplication assigned for app [appid=3]");
  }

  @Test
  void disabledDuplicationIs404() {
    state.update(s -> s.toBuilder().duplicationEnabled(false).build());
    assertError(
        PATH + "?appid=1", 404, "Not Found", "duplication is not enabled [duplication_enabled=false]");
  }

  @Test
  void unknownParameterIs400() {
    assertError(
        PATH + "?appid=1&detail",
        400,
        "Bad Request",
        "unknown parameter \"detail\" for /replica/duplication; accepted: appid");
  }

  @Test
  void dupidsAndGpidsSortAsStrings() {
    DuplicationProgress nine = new DuplicationProgress(9, FailMode.FAIL_SKIP, false, 5, 8);
    DuplicationProgress ten = new DuplicationProgress(10, FailMode.FAIL_FAST, false, 10, 10);
    state.replace(
        ReplicaSnapshot.builder()
            .put(HostedReplica.primary(new Gpid(1, 2), "temp", 10, nine, ten))
            .put(HostedReplica.primary(new Gpid(1, 10), "temp", 10, nine))
            .put(HostedReplica.primary(new Gpid(1, 1), "temp", 10, ten))
            .build());
    String nineState =
        "{\"duplicating\":true,\"fail_mode\":\"FAIL_SKIP\",\"not_confirmed_mutations_num\":5,"
            + "\"not_duplicated_mutations_num\":2,\"remote_app_name\":\"temp\"}";
    String tenState =
        "{\"duplicating\":true,\"fail_mode\":\"FAIL_FAST\",\"not_confirmed_mutations_num\":0,"
            + "\"not_duplicated_mutations_num\":0,\"remote_app_name\":\"temp\"}";
    assertThat(get(server, PATH + "?appid=1").body())
        .isEqualTo(
            "{\"10\":{\"1.1\":" + tenState + ",\"1.2\":" + tenState + "},"
                + "\"9\":{\"1.10\":" + nineState + ",\"1.2\":" + nineState + "}}");
  }

  @Test
  void progressAheadOfCommittedCountsAsZero() {
    state.replace(
        ReplicaSnapshot.builder()
            .put(
                HostedReplica.primary(
                    new Gpid(1, 0), "temp", 5, new DuplicationProgress(1, FailMode.FAIL_SLOW, false, 9, 7)))
            .build());
    assertThat(get(server, PATH + "?appid=1").body())
        .isEqualTo(
            "{\"1\":{\"1.0\":{\"duplicating\":true,\"fail_mode\":\"FAIL_SLOW\","
                + "\"not_confirmed_mutations_num\":0,\"not_duplicated_mutations_num\":0,"
                + "\"remote_app_name\":\"temp\"}}}");
  }

  @Test
  void secondariesDuplicationsAreNotReported() {
    HostedReplica secondaryWithDup =
        HostedReplica.secondary(new Gpid(1, 2), "temp", 1100)
            .withDuplications(java.util.List.of(PAUSED_DUP));
    state.update(s -> s.toBuilder().put(secondaryWithDup).build());
    assertThat(get(server, PATH + "?appid=1").body()).doesNotContain("1.2");
  }

  @Test
  void helpPageListsTheEndpoint() {
    assertThat(get(server, "/").body())
        .contains(
            "\"/replica/duplication\":\"appid=<appid>. Query the duplication progress of the partitions this"
                + " server is primary for.\"");
  }

  @Test
  void serverWithoutReplicaStateHasNoDuplicationEndpoint() {
    try (PegasusHttpServer plain = PegasusHttpServer.builder().role("replica").port(0).build().start()) {
      assertThat(get(plain, PATH + "?appid=1").status()).isEqualTo(404);
    }
  }

  private void assertError(String target, int status, String error, String message) {
    TestResponse r = get(server, target);
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.body()).isEqualTo(envelope(status, error, message, PATH));
  }
}
