package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Polling.pollUntil;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.testing.TestCertificates;
import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.TestResponse;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --tls-cert --tls-key --tls-ca}: every role over HTTPS only, the collector included. */
final class OneboxTlsTest {

  @TempDir Path dir;

  @Test
  void everyRoleServesHttpsAndTheCollectorScrapesIt() {
    TestCertificates.Authority ca = TestCertificates.authority("onebox CA");
    Path caPem = ca.writeCertificate(dir.resolve("ca.pem"));
    ca.server("onebox").writePem(dir.resolve("onebox.pem"), dir.resolve("onebox.key"));
    OneboxOptions options =
        OneboxOptions.parse(
                "--ephemeral", "--no-console",
                "--tls-cert", dir.resolve("onebox.pem").toString(),
                "--tls-key", dir.resolve("onebox.key").toString(),
                "--tls-ca", caPem.toString())
            .withTimings(Duration.ofSeconds(1), Duration.ofSeconds(1));
    HttpClient client = TestCertificates.httpClient(TestCertificates.trusting(ca.certificate()));
    try (Onebox onebox = Onebox.start(options)) {
      for (String url : onebox.metaUrls()) {
        assertThat(url).startsWith("https://");
      }
      String replica = onebox.replicaUrls().get(0);
      assertThat(replica).startsWith("https://");
      assertThat(onebox.collectorUrl()).startsWith("https://");
      assertThat(TestCertificates.get(client, replica + "/version").status()).isEqualTo(200);

      TestResponse redirect = TestCertificates.get(client, onebox.backupMetaUrls().get(0) + "/meta/cluster");
      assertThat(redirect.status()).isEqualTo(307);
      assertThat(redirect.header("Location")).hasValue(onebox.primaryMetaUrl().orElseThrow() + "/meta/cluster");

      pollUntil(
          "a collector round over HTTPS with every replica server answering",
          Duration.ofSeconds(30),
          onebox::latestCollectorRound,
          r -> r.isPresent() && r.get().failedReplicaServers().isEmpty() && !r.get().replicaServers().isEmpty());

      assertThat(onebox.banner()).contains("curl --cacert " + caPem + " " + onebox.primaryMetaUrl().orElseThrow());
      assertThat(TestCertificates.get(client, onebox.primaryMetaUrl().orElseThrow() + "/meta/scrape_targets").body())
          .startsWith("[{\"labels\":{\"__scheme__\":\"https\",\"cluster\":\"onebox\",\"role\":\"meta\"}");
      assertThat(onebox.banner()).contains("and give it the CA (tls_config, see docs/prometheus/README.md)");
      // plain HTTP is not served at all
      assertThrows(
          RuntimeException.class,
          () -> HttpCalls.get(replica.replace("https://", "http://") + "/version"));
    }
  }

  @Test
  void aCertificateNeedsItsKey() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OneboxOptions.parse("--tls-cert", "x.pem"));
    assertThat(e).hasMessageThat().isEqualTo("--tls-cert and --tls-key go together (see --help)");
  }
}
