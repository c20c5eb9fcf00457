package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Envelopes.envelope;
import static dev.pegasus.http.meta.MetaFixtures.q;

import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reference §1.10: a backup validates, then redirects to the primary; 503 when none is known. */
final class PrimaryRedirectTest {

  static String primaryAddress;

  @RegisterExtension
  @Order(1)
  static final PegasusServerExtension primary =
      MetaFixtures.primaryServing(
          new InMemoryMetaState(MetaSnapshot.empty()), MetaFixtures::seedCluster);

  /** Started after the primary, whose address it redirects to. */
  @RegisterExtension
  @Order(2)
  static final PegasusServerExtension backup =
      PegasusServerExtension.perClass(
          b -> {
            primaryAddress = "127.0.0.1:" + primary.port();
            MetaFixtures.meta(
                    new InMemoryMetaState(MetaSnapshot.empty()),
                    StaticMetaLeadership.backupOf(primaryAddress))
                .accept(b);
          });

  @RegisterExtension
  @Order(3)
  static final PegasusServerExtension orphan =
      PegasusServerExtension.perClass(
          MetaFixtures.meta(
              new InMemoryMetaState(MetaSnapshot.empty()), StaticMetaLeadership.noPrimary()));

  @BeforeAll
  static void addCounters() {
    backup.server().counters().number("meta", "test", "c", "a counter");
    orphan.server().counters().number("meta", "test", "c", "a counter");
  }

  @Test
  void backupRedirectsAllSevenWithTheSamePathAndQuery() {
    for (String target : MetaFixtures.ALL_SEVEN) {
      TestResponse r = backup.get(target);
      assertThat(r.status()).isEqualTo(307);
      assertThat(r.header("Location")).hasValue("http://" + primaryAddress + target);
      assertThat(r.bytes()).isEmpty();
      assertThat(r.header("Content-Length")).hasValue("0");
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/meta/app_envs?name=a%2Bb+c,       /meta/app_envs?name=a%2Bb+c",
    "/meta/app?detail=1&name=%74emp,    /meta/app?detail=1&name=%74emp",
    "//meta//apps/?detail,              /meta/apps?detail",
    "/meta/app?name=no-such-table,      /meta/app?name=no-such-table",
    "/meta/apps?detail&,                /meta/apps?detail&",
  })
  void locationKeepsTheRawQueryAndTheNormalisedPath(String target, String location) {
    TestResponse r = backup.get(target);
    assertThat(r.status()).isEqualTo(307);
    assertThat(r.header("Location")).hasValue("http://" + primaryAddress + location);
  }

  @Test
  void backupValidatesParametersBeforeRedirecting() {
    TestResponse r = backup.get("/meta/app?name=stat&foo");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Location")).isEmpty();
    assertThat(backup.get("/meta/app").body())
        .isEqualTo(envelope(400, "Bad Request", "app name shouldn't be empty", "/meta/app"));
    assertThat(backup.get("/meta/cluster?x").status()).isEqualTo(400);
    assertThat(backup.get("/meta/backup_policy?name=a&name=b").status()).isEqualTo(400);
  }

  @Test
  void withoutAKnownPrimaryAllSevenAre503WithRetryAfter() {
    for (String target : MetaFixtures.ALL_SEVEN) {
      TestResponse r = orphan.get(target);
      String path =
          target.substring(0, target.indexOf('?') < 0 ? target.length() : target.indexOf('?'));
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.header("Retry-After")).hasValue("1");
      assertThat(r.header("Location")).isEmpty();
      assertThat(r.body())
          .isEqualTo(
              envelope(
                  503,
                  "Service Unavailable",
                  "no primary meta server is known (ZooKeeper unreachable or election in progress);"
                      + " retry shortly",
                  path));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/version",
        "/recentStartTime",
        "/perfCounter?name=meta*test*c",
        "/perfCounters"
      })
  void builtInsAreNeverRedirected(String target) {
    assertThat(backup.get(target).status()).isEqualTo(200);
    assertThat(orphan.get(target).status()).isEqualTo(200);
  }

  @Test
  void followingTheRedirectGivesThePrimarysBody() throws Exception {
    HttpClient following =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<String> r =
        following.send(
            HttpRequest.newBuilder(URI.create(backup.url() + "/meta/app?name=stat&detail"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(AppEndpointTest.SEED_STAT_DETAIL);
    assertThat(r.uri().getPort()).isEqualTo(primary.port());
  }

  @Test
  void helpPageListsTheMetaEndpointsWithTheirParameters() {
    assertThat(backup.get("/").body())
        .contains(
            q(
                "'/meta/app':'name=<app_name>[&detail]. Query app"
                    + " info.','/meta/app/duplication':'name=<app_name>. Query app duplication"
                    + " info.','/meta/app/query_bulk_load':'name=<app_name>. Query app bulk load info.',"
                    + "'/meta/app/start_bulk_load':'A JSON format of start_bulk_load_request structure. Start bulk"
                    + " load on an app. [changes state; POST]','/meta/app/start_compaction':'A JSON format of"
                    + " manual_compaction_info structure. Start compaction for an app. [changes state; POST]',"
                    + "'/meta/app/usage_scenario':'A JSON format of usage_scenario_info structure. Update usage"
                    + " scenario of an app. [changes state; POST]','/meta/app_envs':'name=<app_name>. Query app"
                    + " environments.','/meta/apps':'[detail]. List all apps in the"
                    + " cluster.','/meta/backup_policy':'[name=<policy_name>]. Query backup policy"
                    + " by policy name.','/meta/cluster':'Query the cluster"
                    + " info.','/meta/nodes':'[detail]. Query the replica servers info.',"));
  }
}
