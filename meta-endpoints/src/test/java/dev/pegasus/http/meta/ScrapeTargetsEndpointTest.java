package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.meta.MetaFixtures.R1;
import static dev.pegasus.http.meta.MetaFixtures.R2;
import static dev.pegasus.http.meta.MetaFixtures.R3;
import static dev.pegasus.http.meta.MetaFixtures.q;
import static dev.pegasus.http.testing.Envelopes.envelope;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.TlsSettings;
import dev.pegasus.http.core.testing.TestCertificates;
import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /meta/scrape_targets}: Prometheus's HTTP service discovery, served by the primary. */
final class ScrapeTargetsEndpointTest {

  static final HostPort COLLECTOR = HostPort.parse("127.0.0.1:34101");
  static final InMemoryMetaState state = new InMemoryMetaState(MetaSnapshot.empty());
  static final AtomicReference<List<ScrapeTarget>> extra = new AtomicReference<>(List.of());
  static String primaryAddress;

  @RegisterExtension
  @Order(1)
  static final PegasusServerExtension primary =
      PegasusServerExtension.perClass(
              b -> {
                MetaFixtures.meta(state, StaticMetaLeadership.self(MetaFixtures.PRIMARY)).accept(b);
                b.service(ExtraScrapeTargets.class, extra::get).configure(c -> c.clusterName("onebox"));
              })
          .beforeEachTest(
              () -> {
                state.set(MetaFixtures.seedCluster());
                extra.set(List.of(ScrapeTarget.collector(COLLECTOR)));
              });

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

  /** A meta whose host registered no {@link ExtraScrapeTargets} and set no cluster name. */
  @RegisterExtension
  @Order(3)
  static final PegasusServerExtension plain =
      PegasusServerExtension.perClass(
          MetaFixtures.meta(
              new InMemoryMetaState(MetaFixtures.seedCluster()),
              StaticMetaLeadership.self(MetaFixtures.PRIMARY)));

  @TempDir static Path dir;

  @Test
  void everyMetaReplicaAndCollectorWithRoleAndCluster() {
    TestResponse r = primary.get("/meta/scrape_targets");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.body())
        .isEqualTo(
            q(
                "[{'labels':{'cluster':'onebox','role':'meta'},"
                    + "'targets':['127.0.0.1:34601','127.0.0.1:34602','127.0.0.1:34603']},"
                    + "{'labels':{'cluster':'onebox','role':'replica'},"
                    + "'targets':['127.0.0.1:34801','127.0.0.1:34802']},"
                    + "{'labels':{'cluster':'onebox','role':'collector'},"
                    + "'targets':['127.0.0.1:34101']}]\n"));
  }

  @Test
  void deadReplicaServersAreListedSoThatTheyShowAsDown() {
    state.update(s -> s.toBuilder().node(NodeState.unalive(R3)).build().withNodeDown(R1));
    assertThat(primary.get("/meta/scrape_targets").body())
        .contains(
            q(
                "{'labels':{'cluster':'onebox','role':'replica'},"
                    + "'targets':['127.0.0.1:34801','127.0.0.1:34802','127.0.0.1:34803']}"));
  }

  @Test
  void extraTargetsAreReadOnEveryRequestAndGroupedByRole() {
    extra.set(
        List.of(
            ScrapeTarget.collector(COLLECTOR),
            new ScrapeTarget("proxy", HostPort.parse("10.0.0.9:8080")),
            ScrapeTarget.collector(HostPort.parse("10.0.0.10:34101"))));
    assertThat(primary.get("/meta/scrape_targets").body())
        .endsWith(
            q(
                "{'labels':{'cluster':'onebox','role':'collector'},"
                    + "'targets':['127.0.0.1:34101','10.0.0.10:34101']},"
                    + "{'labels':{'cluster':'onebox','role':'proxy'},'targets':['10.0.0.9:8080']}]\n"));
  }

  @Test
  void withoutExtraTargetsOnlyMetasAndReplicasAndAnUnsetClusterIsUnknownAsInMetrics() {
    assertThat(plain.get("/meta/scrape_targets").body())
        .isEqualTo(
            q(
                "[{'labels':{'cluster':'unknown','role':'meta'},"
                    + "'targets':['127.0.0.1:34601','127.0.0.1:34602','127.0.0.1:34603']},"
                    + "{'labels':{'cluster':'unknown','role':'replica'},"
                    + "'targets':['127.0.0.1:34801','127.0.0.1:34802']}]\n"));
  }

  @Test
  void theClusterNameOfTheConfigurationFileWins(@TempDir Path ini) throws Exception {
    Files.writeString(ini.resolve("config.ini"), "[replication]\ncluster_name = c2\n");
    PegasusHttpServer.Builder builder = PegasusHttpServer.builder().port(0);
    MetaFixtures.meta(
            new InMemoryMetaState(MetaFixtures.seedCluster()),
            StaticMetaLeadership.self(MetaFixtures.PRIMARY))
        .accept(builder);
    try (PegasusHttpServer server =
        builder.configure(c -> c.clusterName("c1")).sharedConfigFile(ini.resolve("config.ini")).build().start()) {
      assertThat(HttpCalls.get(server, "/meta/scrape_targets").body())
          .startsWith(q("[{'labels':{'cluster':'c2','role':'meta'}"));
    }
  }

  @Test
  void anEmptyClusterIsAnEmptyList() {
    state.set(MetaSnapshot.empty());
    extra.set(List.of());
    assertThat(primary.get("/meta/scrape_targets").body()).isEqualTo("[]\n");
  }

  @Test
  void aBackupRedirectsToThePrimary() {
    TestResponse r = backup.get("/meta/scrape_targets");
    assertThat(r.status()).isEqualTo(307);
    assertThat(r.header("Location")).hasValue("http://" + primaryAddress + "/meta/scrape_targets");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/meta/scrape_targets?x=1", "/meta/scrape_targets?detail"})
  void unknownParametersAre400OnPrimaryAndBackup(String target) {
    String name = target.substring(target.indexOf('?') + 1).replace("=1", "");
    String body =
        envelope(
            400,
            "Bad Request",
            "unknown parameter \"" + name + "\" for /meta/scrape_targets; accepted: none",
            "/meta/scrape_targets");
    assertThat(primary.get(target).body()).isEqualTo(body);
    TestResponse fromBackup = backup.get(target);
    assertThat(fromBackup.status()).isEqualTo(400);
    assertThat(fromBackup.body()).isEqualTo(body);
    assertThat(fromBackup.header("Location")).isEmpty();
  }

  @Test
  void theHelpPageListsIt() {
    assertThat(primary.get("/").body())
        .contains(
            "\"/meta/scrape_targets\":\"List every server of the cluster for Prometheus's HTTP"
                + " service discovery.\"");
  }

  @Test
  void overTlsEveryGroupSaysHttps() {
    TestCertificates.Authority ca = TestCertificates.authority("meta CA");
    TlsSettings tls = ca.server("meta").writePem(dir.resolve("meta.pem"), dir.resolve("meta.key"));
    PegasusHttpServer.Builder builder = PegasusHttpServer.builder().port(0);
    MetaFixtures.meta(
            new InMemoryMetaState(MetaFixtures.seedCluster()),
            StaticMetaLeadership.self(MetaFixtures.PRIMARY))
        .accept(builder);
    try (PegasusHttpServer server =
        builder.configure(c -> c.tls(tls).clusterName("c1")).build().start()) {
      TestResponse r =
          TestCertificates.get(
              TestCertificates.httpClient(TestCertificates.trusting(ca.certificate())),
              server.url() + "/meta/scrape_targets");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body())
          .isEqualTo(
              q(
                  "[{'labels':{'__scheme__':'https','cluster':'c1','role':'meta'},"
                      + "'targets':['127.0.0.1:34601','127.0.0.1:34602','127.0.0.1:34603']},"
                      + "{'labels':{'__scheme__':'https','cluster':'c1','role':'replica'},"
                      + "'targets':['127.0.0.1:34801','127.0.0.1:34802']}]\n"));
    }
  }

  @Test
  void aTargetNeedsARole() {
    assertThrows(IllegalArgumentException.class, () -> new ScrapeTarget("", R2));
  }
}
