package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;

import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /envs/list} (master reference §4): N2-JSON of the 33 envs, served by backups too. */
final class EnvsListEndpointTest {

  @RegisterExtension
  static final PegasusServerExtension backup =
      PegasusServerExtension.perClass(
          MetaFixtures.meta(new InMemoryMetaState(), StaticMetaLeadership.backupOf("127.0.0.1:1")));

  @Test
  void bodyIsUpstreamsSortedPrettyJson() {
    TestResponse r = backup.get("/envs/list");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.body())
        .startsWith(
            "{\n"
                + "  \"business.info\": {\n"
                + "    \"limitation\": \"\",\n"
                + "    \"sample\": \"\",\n"
                + "    \"type\": \"string\"\n"
                + "  },\n"
                + "  \"default_ttl\": {\n"
                + "    \"limitation\": \">= 0\",\n"
                + "    \"sample\": \"86400\",\n"
                + "    \"type\": \"unsigned int32\"\n"
                + "  },\n");
    assertThat(r.body())
        .contains(
            "  \"manual_compact.once.bottommost_level_compaction\": {\n"
                + "    \"limitation\": \"force | skip\",\n"
                + "    \"sample\": \"skip\",\n"
                + "    \"type\": \"string\"\n"
                + "  },\n");
    assertThat(r.body())
        .endsWith(
            "  \"user_specified_compaction\": {\n"
                + "    \"limitation\": \"\",\n"
                + "    \"sample\": \"\",\n"
                + "    \"type\": \"string\"\n"
                + "  }\n"
                + "}");
    assertThat(r.body().split("\"type\": ", -1)).hasLength(34);
  }

  @Test
  void aBackupAnswersWhateverTheParametersAndMethod() {
    assertThat(backup.get("/envs/list?anything=1&x").status()).isEqualTo(200);
    assertThat(backup.post("/envs/list", "").status()).isEqualTo(200);
    // while its /meta/* endpoints redirect
    assertThat(backup.get("/meta/app_envs?name=x").status()).isEqualTo(307);
  }
}
