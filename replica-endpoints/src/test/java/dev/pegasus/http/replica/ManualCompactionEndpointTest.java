package dev.pegasus.http.replica;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.ResponseSubject.assertThat;

import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ManualCompactionStatus;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import dev.pegasus.http.replica.spi.ReplicaState;
import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /replica/manual_compaction} over real sockets: Pegasus's {@code query_compaction_test}
 * cases and the counting (bad {@code app_id}s for both app-id endpoints: {@code
 * AppIdParameterTest}).
 */
final class ManualCompactionEndpointTest {

  private static final String PATH = "/replica/manual_compaction";

  /** As in Pegasus's test: one replica of app 2, never compacted. */
  private static ReplicaSnapshot upstreamFixture() {
    return ReplicaSnapshot.builder().put(HostedReplica.primary(new Gpid(2, 1), "test_app", 0)).build();
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
    assertThat(r).hasBody("{\"status\":{\"finished\":0,\"idle\":1,\"queuing\":0,\"running\":0}}");
    assertThat(server.get(PATH + "?app_id=4"))
        .hasBody("{\"status\":{\"finished\":0,\"idle\":0,\"queuing\":0,\"running\":0}}");
    assertThat(server.get(PATH + "?app_id=xxx")).isErrorEnvelope(400, "invalid app_id=xxx", PATH);
  }

  @Test
  void countsEveryReplicaOfTheTableByStatus() {
    state.replace(
        ReplicaSnapshot.builder()
            .put(compacting(new Gpid(2, 0), ManualCompactionStatus.FINISHED))
            .put(compacting(new Gpid(2, 1), ManualCompactionStatus.FINISHED))
            .put(compacting(new Gpid(2, 2), ManualCompactionStatus.RUNNING))
            .put(compacting(new Gpid(2, 3), ManualCompactionStatus.QUEUING))
            .put(HostedReplica.secondary(new Gpid(2, 4), "temp", 0))
            .put(compacting(new Gpid(3, 0), ManualCompactionStatus.RUNNING))
            .build());
    assertThat(server.get(PATH + "?app_id=2"))
        .hasBody("{\"status\":{\"finished\":2,\"idle\":1,\"queuing\":1,\"running\":1}}");
    assertThat(server.get(PATH + "?app_id=3"))
        .hasBody("{\"status\":{\"finished\":0,\"idle\":0,\"queuing\":0,\"running\":1}}");
  }

  @Test
  void aServerWithNoReplicasCountsZeros() {
    state.replace(ReplicaSnapshot.empty());
    assertThat(server.get(PATH + "?app_id=0x10"))
        .hasBody("{\"status\":{\"finished\":0,\"idle\":0,\"queuing\":0,\"running\":0}}");
  }

  @Test
  void helpTextIsPegasusMasters() {
    assertThat(server.get("/").body())
        .contains(
            "\"/replica/manual_compaction\":\"app_id=<app_id>. Query the manual compaction status of an app.\"");
  }

  private static HostedReplica compacting(Gpid gpid, ManualCompactionStatus status) {
    return HostedReplica.secondary(gpid, "temp", 0).withManualCompaction(status);
  }
}
