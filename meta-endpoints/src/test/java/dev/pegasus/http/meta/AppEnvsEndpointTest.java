package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Envelopes.envelope;

import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /meta/app_envs} (reference §2.10). */
final class AppEnvsEndpointTest {

  static final InMemoryMetaState state = new InMemoryMetaState(MetaSnapshot.empty());

  @RegisterExtension
  static final PegasusServerExtension meta = MetaFixtures.primaryServing(state, MetaFixtures::unitTestCluster);

  @Test
  void envsBodyOfPegasusUnitTest() {
    TestResponse r = meta.get("/meta/app_envs?name=test_meta_http");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.body())
        .isEqualTo("{\"replica.slow_query_threshold\":\"100\",\"value_version\":\"1\"}\n");
  }

  @Test
  void keysAreInByteOrder() {
    setEnvs(Map.of("b", "2", "B", "1", "a.b", "3", "a_b", "4", "a", "0"));
    assertThat(meta.get("/meta/app_envs?name=test_meta_http").body())
        .isEqualTo("{\"B\":\"1\",\"a\":\"0\",\"a.b\":\"3\",\"a_b\":\"4\",\"b\":\"2\"}\n");
  }

  @Test
  void tableWithoutEnvsIsAnEmptyObject() {
    setEnvs(Map.of());
    assertThat(meta.get("/meta/app_envs?name=test_meta_http").body()).isEqualTo("{}\n");
  }

  @Test
  void unknownTableIs404() {
    TestResponse r = meta.get("/meta/app_envs?name=temp");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body())
        .isEqualTo(envelope(404, "Not Found", "table not found: \"temp\"", "/meta/app_envs"));
  }

  @Test
  void tableBeingDroppedIs409() {
    state.update(
        s -> {
          Table t = s.table("test_meta_http").orElseThrow();
          return s.toBuilder().table(t.withApp(t.app().withStatus(AppStatus.DROPPING))).build();
        });
    TestResponse r = meta.get("/meta/app_envs?name=test_meta_http");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body())
        .isEqualTo(
            envelope(
                409,
                "Conflict",
                "table \"test_meta_http\" is DROPPING, not AVAILABLE (ERR_BUSY_DROPPING); ask again"
                    + " when it is available",
                "/meta/app_envs"));
  }

  private static void setEnvs(Map<String, String> envs) {
    state.update(
        s -> {
          Table t = s.table("test_meta_http").orElseThrow();
          return s.toBuilder().table(t.withApp(t.app().toBuilder().envs(envs).build())).build();
        });
  }
}
