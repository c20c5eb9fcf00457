package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Envelopes.envelope;
import static dev.pegasus.http.meta.MetaFixtures.q;

import com.google.common.collect.ImmutableSortedSet;
import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /meta/backup_policy} (reference §2.11). */
final class BackupPolicyEndpointTest {

  static final String TEST1 =
      q(
          "'TEST1':{'name':'TEST1','backup_provider_type':'local_service','backup_interval':'86400',"
              + "'app_ids':'[2]','start_time':'12:00','status':'enabled','backup_history_count':'1'}");
  static final String TEST2 = TEST1.replace("TEST1", "TEST2");

  static final InMemoryMetaState state = new InMemoryMetaState(MetaSnapshot.empty());

  @RegisterExtension
  static final PegasusServerExtension meta = MetaFixtures.primaryServing(state, MetaFixtures::unitTestCluster);

  /** Pegasus's {@code meta_backup_test_base.get_backup_policy}, step by step. */
  @Test
  void sequenceOfPegasusUnitTest() {
    assertThat(meta.get("/meta/backup_policy").body()).isEqualTo("{}\n");

    state.update(s -> s.toBuilder().backupPolicy(MetaFixtures.testPolicy("TEST1")).build());
    TestResponse r = meta.get("/meta/backup_policy?name=TEST1");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.body()).isEqualTo("{" + TEST1 + "}\n");

    state.update(s -> s.toBuilder().backupPolicy(MetaFixtures.testPolicy("TEST2")).build());
    assertThat(meta.get("/meta/backup_policy?name=TEST2").body()).isEqualTo("{" + TEST2 + "}\n");
    assertThat(meta.get("/meta/backup_policy").body()).isEqualTo("{" + TEST1 + "," + TEST2 + "}\n");
    assertThat(meta.get("/meta/backup_policy?name=TEST3").body()).isEqualTo("{}\n");
    assertThat(meta.get("/meta/backup_policy?name=").body()).isEqualTo("{}\n");
  }

  @Test
  void policiesAreInNameOrderWithEveryColumnFormatted() {
    state.update(
        s ->
            s.toBuilder()
                .backupPolicy(
                    new BackupPolicy(
                        "b",
                        "hdfs_service",
                        3600,
                        ImmutableSortedSet.of(3, 1),
                        LocalTime.of(7, 5),
                        false,
                        12))
                .backupPolicy(
                    new BackupPolicy(
                        "a",
                        "local_service",
                        60,
                        ImmutableSortedSet.of(),
                        LocalTime.of(23, 59),
                        true,
                        0))
                .build());
    assertThat(meta.get("/meta/backup_policy").body())
        .isEqualTo(
            q(
                "{'a':{'name':'a','backup_provider_type':'local_service','backup_interval':'60','app_ids':'[]',"
                    + "'start_time':'23:59','status':'enabled','backup_history_count':'0'},"
                    + "'b':{'name':'b','backup_provider_type':'hdfs_service','backup_interval':'3600','app_ids':'[1,3]','start_time':'07:05','status':'disabled','backup_history_count':'12'}}\n"));
  }

  @Test
  void coldBackupDisabledIs404() {
    state.update(
        s ->
            s.toBuilder()
                .backupPolicy(MetaFixtures.testPolicy("TEST1"))
                .cluster(s.cluster().toBuilder().coldBackupEnabled(false).build())
                .build());
    TestResponse r = meta.get("/meta/backup_policy?name=TEST1");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body())
        .isEqualTo(envelope(404, "Not Found", "cold_backup_disabled", "/meta/backup_policy"));
  }
}
