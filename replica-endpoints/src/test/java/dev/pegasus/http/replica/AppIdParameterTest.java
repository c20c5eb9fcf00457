package dev.pegasus.http.replica;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.ResponseSubject.assertThat;

import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ManualCompactionStatus;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import dev.pegasus.http.replica.spi.ReplicaState;
import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code app_id} of {@code /replica/data_version} and {@code /replica/manual_compaction}, on
 * both: Pegasus's two 400 messages, {@code buf2int32}'s syntax (C's base 0), the framework's rules
 * (a repeated or undeclared parameter), and the methods every replica endpoint serves.
 */
final class AppIdParameterTest {

  private static final ReplicaSnapshot HOSTS_APP_2 =
      ReplicaSnapshot.builder()
          .put(HostedReplica.primary(new Gpid(2, 0), "temp", 0))
          .put(
              HostedReplica.primary(new Gpid(16, 1), "sixteen", 0)
                  .withDataVersion(0)
                  .withManualCompaction(ManualCompactionStatus.FINISHED))
          .build();

  @RegisterExtension
  static final PegasusServerExtension server =
      PegasusServerExtension.perClass(
          b -> b.role("replica").service(ReplicaState.class, new InMemoryReplicaState(HOSTS_APP_2)));

  private static final String DATA_VERSION = "/replica/data_version";
  private static final String COMPACTION = "/replica/manual_compaction";

  @ParameterizedTest
  @ValueSource(strings = {DATA_VERSION, COMPACTION})
  void missingOrEmptyAppIdIs400(String path) {
    assertThat(server.get(path)).isErrorEnvelope(400, "app_id should not be empty", path);
    assertThat(server.get(path + "?app_id=")).isErrorEnvelope(400, "app_id should not be empty", path);
  }

  @ParameterizedTest
  @ValueSource(strings = {DATA_VERSION, COMPACTION})
  void malformedAppIdIs400QuotingIt(String path) {
    for (String bad : new String[] {"xxx", "wrong", "2xx", "1.0", "0x", "08", "--1", " "}) {
      assertThat(server.get(path + "?app_id=" + bad.replace(" ", "%20")))
          .isErrorEnvelope(400, "invalid app_id=" + bad, path);
    }
    // trailing white space is not skipped (strtoll stops there)
    assertThat(server.get(path + "?app_id=2%20")).isErrorEnvelope(400, "invalid app_id=2 ", path);
  }

  @ParameterizedTest
  @ValueSource(strings = {DATA_VERSION, COMPACTION})
  void negativeAppIdIs400(String path) {
    assertThat(server.get(path + "?app_id=-1")).isErrorEnvelope(400, "invalid app_id=-1", path);
    assertThat(server.get(path + "?app_id=-0x10")).isErrorEnvelope(400, "invalid app_id=-0x10", path);
  }

  @ParameterizedTest
  @ValueSource(strings = {DATA_VERSION, COMPACTION})
  void appIdAboveInt32Is400(String path) {
    assertThat(server.get(path + "?app_id=2147483648")).isErrorEnvelope(400, "invalid app_id=2147483648", path);
    assertThat(server.get(path + "?app_id=0x80000000")).isErrorEnvelope(400, "invalid app_id=0x80000000", path);
    assertThat(server.get(path + "?app_id=99999999999999999999999"))
        .isErrorEnvelope(400, "invalid app_id=99999999999999999999999", path);
  }

  @ParameterizedTest
  @ValueSource(strings = {DATA_VERSION, COMPACTION})
  void aVeryLongAppIdIs400(String path) {
    String zeros = "0".repeat(40) + "2";
    TestResponse r = server.get(path + "?app_id=" + zeros);
    assertThat(r).isErrorEnvelope(400, "invalid app_id=" + zeros, path);
  }

  @ParameterizedTest
  @ValueSource(strings = {DATA_VERSION, COMPACTION})
  void appIdIsReadAsBuf2Int32Does(String path) {
    String app2 = server.get(path + "?app_id=2").body();
    String app16 = server.get(path + "?app_id=16").body();
    assertThat(app2).isNotEqualTo(app16);
    for (String same : new String[] {"02", "0x2", "0X2", "%2B2", "%202", "%09%0A2", "+0x02"}) {
      assertThat(server.get(path + "?app_id=" + same)).hasBody(app2);
    }
    for (String same : new String[] {"0x10", "0X10", "020"}) {
      assertThat(server.get(path + "?app_id=" + same)).hasBody(app16);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DATA_VERSION, COMPACTION})
  void repeatedAppIdIs400(String path) {
    assertThat(server.get(path + "?app_id=2&app_id=2"))
        .isErrorEnvelope(400, "failed to parse request: ERR_INVALID_PARAMETERS: duplicate parameter: app_id", path);
  }

  @ParameterizedTest
  @ValueSource(strings = {DATA_VERSION, COMPACTION})
  void otherParametersAre400(String path) {
    assertThat(server.get(path + "?app_id=2&appid=2"))
        .isErrorEnvelope(400, "unknown parameter \"appid\" for " + path + "; accepted: app_id", path);
  }

  @ParameterizedTest
  @ValueSource(strings = {DATA_VERSION, COMPACTION})
  void postAndHeadAreServedLikeGetOtherMethodsAre405(String path) {
    String target = server.url() + path + "?app_id=2";
    TestResponse get = server.get(path + "?app_id=2");
    assertThat(HttpCalls.post(server.server(), path + "?app_id=2", "ignored")).hasBody(get.body());
    TestResponse head = HttpCalls.send("HEAD", target, null);
    assertThat(head).hasStatus(200);
    assertThat(head.body()).isEmpty();
    TestResponse put = HttpCalls.send("PUT", target, "x");
    assertThat(put).hasStatus(405);
    assertThat(put).hasHeader("Allow", "GET, HEAD, POST");
  }
}
