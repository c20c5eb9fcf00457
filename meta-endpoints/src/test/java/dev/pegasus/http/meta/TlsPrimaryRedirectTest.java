package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.TlsSettings;
import dev.pegasus.http.core.testing.TestCertificates;
import dev.pegasus.http.testing.TestResponse;
import java.net.http.HttpClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over HTTPS, a backup meta's 307 points at the primary with {@code https://}, and it can be followed. */
final class TlsPrimaryRedirectTest {

  @TempDir static Path dir;
  static TestCertificates.Authority ca;
  static PegasusHttpServer primary;
  static PegasusHttpServer backup;
  static String primaryAddress;

  @BeforeAll
  static void start() {
    ca = TestCertificates.authority("meta CA");
    TlsSettings tls = ca.server("meta").writePem(dir.resolve("meta.pem"), dir.resolve("meta.key"));
    primary = meta(tls, StaticMetaLeadership.self(MetaFixtures.PRIMARY), MetaFixtures.seedCluster());
    primaryAddress = "127.0.0.1:" + primary.port();
    backup = meta(tls, StaticMetaLeadership.backupOf(primaryAddress), MetaSnapshot.empty());
  }

  private static PegasusHttpServer meta(TlsSettings tls, MetaLeadership leadership, MetaSnapshot snapshot) {
    PegasusHttpServer.Builder builder = PegasusHttpServer.builder().port(0);
    MetaFixtures.meta(new InMemoryMetaState(snapshot), leadership).accept(builder);
    return builder.configure(c -> c.tls(tls)).build().start();
  }

  @AfterAll
  static void stop() {
    backup.close();
    primary.close();
  }

  @Test
  void aBackupRedirectsToTheHttpsPrimaryAndTheRedirectCanBeFollowed() {
    HttpClient client = TestCertificates.httpClient(TestCertificates.trusting(ca.certificate()));
    TestResponse r = TestCertificates.get(client, backup.url() + "/meta/app?name=stat&detail");
    assertThat(r.status()).isEqualTo(307);
    assertThat(r.header("Location")).hasValue("https://" + primaryAddress + "/meta/app?name=stat&detail");
    TestResponse followed = TestCertificates.get(client, r.header("Location").orElseThrow());
    assertThat(followed.status()).isEqualTo(200);
    assertThat(followed.body()).contains("\"app_name\":\"stat\"");
  }
}
