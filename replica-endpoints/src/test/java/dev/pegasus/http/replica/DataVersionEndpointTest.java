package dev.pegasus.http.replica;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.ResponseSubject.assertThat;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import dev.pegasus.http.replica.spi.ReplicaState;
import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /replica/data_version} over real sockets: Pegasus's {@code query_data_version_test}
 * cases and the body's shape (bad {@code app_id}s for both app-id endpoints: {@code
 * AppIdParameterTest}).
 */
final class DataVersionEndpointTest {

  private static final String PATH = "/replica/data_version";

  /** As in Pegasus's test: this server hosts partition 1 of app 2. */
  private static ReplicaSnapshot upstreamFixture() {
    return ReplicaSnapshot.builder().put(HostedReplica.secondary(new Gpid(2, 1), "test_app", 0)).build();
  }

  private static final InMemoryReplicaState state = new InMemoryReplicaState(upstreamFixture());

  @RegisterExtension
  static final PegasusServerExtension server =
      PegasusServerExtension.perClass(b -> b.role("replica").service(ReplicaState.class, state))
          .beforeEachTest(() -> state.replace(upstreamFixture()));

  @Test
  void upstreamCasesArePinned() {
    TestResponse r = server.get(PATH + "?app_id=2");
    assertThat(r).hasStatus(200);
    assertThat(r).hasContentType("application/json");
    assertThat(r).hasBody("{\"1\":{\"data_version\":\"1\"}}");
    assertThat(server.get(PATH + "?app_id=4")).isErrorEnvelope(404, "app_id=4 not found", PATH);
    assertThat(server.get(PATH)).isErrorEnvelope(400, "app_id should not be empty", PATH);
    assertThat(server.get(PATH + "?app_id=wrong")).isErrorEnvelope(400, "invalid app_id=wrong", PATH);
  }

  @Test
  void everyReplicaOfTheTableCountsPrimaryOrSecondaryKeysSortedAsStrings() {
    state.replace(
        ReplicaSnapshot.builder()
            .put(HostedReplica.primary(new Gpid(2, 2), "temp", 5).withDataVersion(0))
            .put(HostedReplica.secondary(new Gpid(2, 10), "temp", 5))
            .put(HostedReplica.primary(new Gpid(2, 1), "temp", 5))
            .put(HostedReplica.secondary(new Gpid(3, 0), "other", 5).withDataVersion(7))
            .build());
    assertThat(server.get(PATH + "?app_id=2"))
        .hasBody(
            "{\"1\":{\"data_version\":\"1\"},\"10\":{\"data_version\":\"1\"},\"2\":{\"data_version\":\"0\"}}");
    assertThat(server.get(PATH + "?app_id=3")).hasBody("{\"0\":{\"data_version\":\"7\"}}");
  }

  @Test
  void theNotFoundMessageQuotesTheValueAsSent() {
    // 0x10 is 16 to buf2int32; Pegasus quotes what was sent, not the number.
    assertThat(server.get(PATH + "?app_id=0x10")).isErrorEnvelope(404, "app_id=0x10 not found", PATH);
    assertThat(server.get(PATH + "?app_id=%2B4")).isErrorEnvelope(404, "app_id=+4 not found", PATH);
    assertThat(server.get(PATH + "?app_id=2147483647"))
        .isErrorEnvelope(404, "app_id=2147483647 not found", PATH);
  }

  @Test
  void aServerWithNoReplicasAnswers404() {
    state.replace(ReplicaSnapshot.empty());
    assertThat(server.get(PATH + "?app_id=2")).isErrorEnvelope(404, "app_id=2 not found", PATH);
  }

  @Test
  void helpTextIsPegasusMasters() {
    assertThat(server.get("/").body())
        .contains("\"/replica/data_version\":\"app_id=<app_id>. Query the data version of an app.\"");
  }

  @Test
  void serverWithoutReplicaStateHasNoDataVersionEndpoint() {
    try (PegasusHttpServer plain = PegasusHttpServer.builder().role("replica").port(0).build().start()) {
      assertThat(HttpCalls.get(plain, PATH + "?app_id=2").status()).isEqualTo(404);
    }
  }
}
