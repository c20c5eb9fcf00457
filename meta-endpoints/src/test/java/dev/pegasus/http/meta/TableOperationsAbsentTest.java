package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Envelopes.envelope;

import dev.pegasus.http.testing.PegasusServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A meta whose host registered no {@link TableOperations}: the four table operations are 404s, before any body check. */
final class TableOperationsAbsentTest {

  @RegisterExtension
  static final PegasusServerExtension meta =
      MetaFixtures.primaryServing(new InMemoryMetaState(), MetaFixtures::unitTestCluster);

  @Test
  void bulkLoadIsNotEnabled() {
    assertThat(meta.get("/meta/app/query_bulk_load?name=x").body())
        .isEqualTo(envelope(404, "Not Found", "bulk load is not enabled", "/meta/app/query_bulk_load"));
    assertThat(meta.post("/meta/app/start_bulk_load", "not json").body())
        .isEqualTo(envelope(404, "Not Found", "bulk load is not enabled", "/meta/app/start_bulk_load"));
  }

  @Test
  void envWritesAreNotEnabled() {
    String message =
        "table operations are not enabled on this meta server (its host registered no TableOperations)";
    assertThat(meta.post("/meta/app/start_compaction", "").body())
        .isEqualTo(envelope(404, "Not Found", message, "/meta/app/start_compaction"));
    assertThat(meta.post("/meta/app/usage_scenario", "{}").body())
        .isEqualTo(envelope(404, "Not Found", message, "/meta/app/usage_scenario"));
  }

  @Test
  void envsListNeedsNoOperations() {
    assertThat(meta.get("/envs/list").status()).isEqualTo(200);
  }
}
