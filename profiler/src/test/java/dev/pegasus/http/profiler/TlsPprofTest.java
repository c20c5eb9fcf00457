package dev.pegasus.http.profiler;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.profiler.PprofClient.onPath;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.TlsSettings;
import dev.pegasus.http.core.testing.TestCertificates;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles over HTTPS. From a server that does not trust loopback, a client certificate from the
 * server's client CA admits {@code /pprof/*} and no certificate is refused; {@code go tool pprof}
 * reads a CPU profile from a server that serves loopback clients.
 *
 * <p>{@code go tool pprof} of Go 1.19 (Debian 12) fetches with its own client, which ignores
 * {@code -tls_ca}, {@code -tls_cert} and {@code -tls_key} (the standalone pprof honours them), so
 * the CA also goes in {@code SSL_CERT_FILE}, which Go's TLS reads on Linux, and no client
 * certificate can be presented: the test server admits the loopback client instead.
 */
final class TlsPprofTest {

  @TempDir static Path home;
  static TestCertificates.Authority ca;
  static Path caPem;
  static Path clientPem;
  static Path clientKey;
  static PegasusHttpServer server;
  static PegasusHttpServer loopbackServer;

  @BeforeAll
  static void start() {
    ca = TestCertificates.authority("pprof CA");
    caPem = ca.writeCertificate(home.resolve("ca.pem"));
    TlsSettings tls =
        ca.server("replica").writePem(home.resolve("server.pem"), home.resolve("server.key")).withClientCa(caPem);
    clientPem = home.resolve("client.pem");
    clientKey = home.resolve("client.key");
    ca.client("ops").writePem(clientPem, clientKey);
    server =
        PegasusHttpServer.builder()
            .role("replica")
            .configure(c -> c.tls(tls).trustLoopback(false).accessLog(false))
            .build()
            .start();
    loopbackServer =
        PegasusHttpServer.builder()
            .role("replica")
            .configure(c -> c.tls(tls).accessLog(false))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (loopbackServer != null) {
      loopbackServer.close();
    }
  }

  @Test
  void aClientCertificateAdmitsTheCommandLineAndNoCertificateIsRefused() {
    HttpClient withCertificate =
        TestCertificates.httpClient(ca.client("ops").clientContext(ca.certificate()));
    assertThat(TestCertificates.get(withCertificate, server.url() + "/pprof/cmdline").status()).isEqualTo(200);
    HttpClient anonymous = TestCertificates.httpClient(TestCertificates.trusting(ca.certificate()));
    assertThat(TestCertificates.get(anonymous, server.url() + "/pprof/cmdline").status()).isEqualTo(403);
  }

  @Test
  void goPprofReadsACpuProfileOverHttps() throws Exception {
    boolean go = onPath("go");
    if (!go) {
      System.out.println("skipped goPprofReadsACpuProfileOverHttps: go is not installed (apt-get install golang-go)");
    }
    assumeTrue(go, "go tool pprof is not installed (apt-get install golang-go); skipped");
    List<String> command =
        List.of(
            "go", "tool", "pprof", "-tls_ca=" + caPem, "-top", loopbackServer.url() + "/pprof/profile?seconds=1");
    PprofClient.Result r =
        PprofClient.run(home, command, Map.of("SSL_CERT_FILE", caPem.toString()), Duration.ofSeconds(90));
    r.assertSucceeded();
    r.assertContains("flat%");
    r.assertContains("Type: cpu");
  }
}
