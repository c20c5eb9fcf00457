package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;

import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A backup redirects the four table operations before anything else, the writes' bodies included. */
final class TableOperationsRedirectTest {

  static final InMemoryMetaState state = new InMemoryMetaState(MetaFixtures.unitTestCluster());

  @RegisterExtension
  static final PegasusServerExtension backup =
      PegasusServerExtension.perClass(
          b -> {
            MetaFixtures.meta(state, StaticMetaLeadership.backupOf("127.0.0.1:34601")).accept(b);
            b.service(TableOperations.class, new InMemoryTableOperations(state, Path.of("target", "no-bulk-load-root")));
          });

  @Test
  void writesRedirectBeforeTheirBodyIsDecoded() {
    for (String path : new String[] {
        "/meta/app/start_bulk_load", "/meta/app/start_compaction", "/meta/app/usage_scenario"}) {
      TestResponse r = backup.post(path, "not json at all");
      assertThat(r.status()).isEqualTo(307);
      assertThat(r.header("Location")).hasValue("http://127.0.0.1:34601" + path);
    }
    assertThat(state.snapshot().table("test_meta_http").orElseThrow().app().envs())
        .doesNotContainKey("rocksdb.usage_scenario");
  }

  @Test
  void queryRedirectsWithItsQuery() {
    TestResponse r = backup.get("/meta/app/query_bulk_load?name=test_meta_http");
    assertThat(r.status()).isEqualTo(307);
    assertThat(r.header("Location")).hasValue("http://127.0.0.1:34601/meta/app/query_bulk_load?name=test_meta_http");
  }

  @Test
  void aCrossSiteWriteIsRefusedEvenBeforeTheRedirect() {
    TestResponse r =
        backup.send(
            dev.pegasus.http.testing.TestRequest.post("/meta/app/start_compaction", "{}")
                .header("Sec-Fetch-Site", "cross-site"));
    assertThat(r.status()).isEqualTo(403);
  }
}
