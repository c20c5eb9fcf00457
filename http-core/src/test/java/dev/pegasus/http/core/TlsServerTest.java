package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.fixture.TestEndpointsProvider;
import dev.pegasus.http.core.testing.ExternalTools;
import dev.pegasus.http.core.testing.ProviderJars;
import dev.pegasus.http.core.testing.TestCertificates.Authority;
import dev.pegasus.http.core.testing.TestCertificates.Issued;
import dev.pegasus.http.core.testing.TestCertificates;
import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.TestResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server over HTTPS with a verified client CA, over real sockets with JDK clients that know
 * nothing of pegasus-http: reading, protocols, plain HTTP on the TLS port, client certificates.
 */
final class TlsServerTest {

  @TempDir static Path dir;
  static Authority ca;
  static Authority otherCa;
  static Path caPem;
  static PegasusHttpServer server;

  @BeforeAll
  static void start() {
    ca = TestCertificates.authority("pegasus test CA");
    otherCa = TestCertificates.authority("some other CA");
    caPem = ca.writeCertificate(dir.resolve("ca.pem"));
    TlsSettings tls =
        ca.server("server").writePem(dir.resolve("server.pem"), dir.resolve("server.key")).withClientCa(caPem);
    Path jar = ProviderJars.write(dir, "test-endpoints.jar", TestEndpointsProvider.class);
    server =
        PegasusHttpServer.builder()
            .role("replica")
            .service(TestEndpointsProvider.Probe.class, new TestEndpointsProvider.Probe())
            // Loopback alone must not admit: the client certificate has to.
            .configure(c -> c.tls(tls).trustLoopback(false).accessLog(false))
            .providerClassLoader(ProviderJars.loaderWith(jar))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpClient trustingCa() {
    return TestCertificates.httpClient(TestCertificates.trusting(ca.certificate()));
  }

  @Test
  void javaNetHttpReadsVersionOverHttps() {
    assertThat(server.url()).startsWith("https://127.0.0.1:");
    assertThat(server.scheme()).isEqualTo("https");
    TestResponse r = TestCertificates.get(trustingCa(), server.url() + "/version");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("\"Version\":");
  }

  @Test
  void aClientThatDoesNotTrustTheCaIsRefused() {
    HttpClient other = TestCertificates.httpClient(TestCertificates.trusting(otherCa.certificate()));
    assertThrows(UncheckedIOException.class, () -> TestCertificates.get(other, server.url() + "/version"));
  }

  @Test
  void curlReadsVersionOverHttps() throws Exception {
    if (!ExternalTools.available("curl")) {
      System.out.println("skipped curlReadsVersionOverHttps: curl is not installed (apt-get install curl)");
      return;
    }
    ExternalTools.Result r =
        ExternalTools.run(Duration.ofSeconds(30), "curl", "-sS", "--cacert", caPem.toString(), server.url() + "/version");
    assertWithMessage("curl: %s", r.stderr()).that(r.exitCode()).isEqualTo(0);
    assertThat(r.stdout()).contains("\"Version\":");
    // without a client certificate, sensitive endpoints are refused even to loopback
    ExternalTools.Result secret =
        ExternalTools.run(
            Duration.ofSeconds(30), "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
            "--cacert", caPem.toString(), server.url() + "/test/secret");
    assertThat(secret.stdout()).isEqualTo("403");
  }

  @Test
  void curlWithAClientCertificateReadsASensitiveEndpoint() throws Exception {
    if (!ExternalTools.available("curl")) {
      System.out.println("skipped curlWithAClientCertificate...: curl is not installed (apt-get install curl)");
      return;
    }
    Issued client = ca.client("curl client");
    client.writePem(dir.resolve("curl-client.pem"), dir.resolve("curl-client.key"));
    ExternalTools.Result r =
        ExternalTools.run(
            Duration.ofSeconds(30), "curl", "-sS", "--cacert", caPem.toString(),
            "--cert", dir.resolve("curl-client.pem").toString(),
            "--key", dir.resolve("curl-client.key").toString(),
            server.url() + "/test/secret");
    assertWithMessage("curl: %s", r.stderr()).that(r.exitCode()).isEqualTo(0);
    assertThat(r.stdout()).isEqualTo("secret\n");
  }

  @Test
  void aClientCertificateFromTheCaAdmitsSensitiveEndpoints() {
    Issued client = ca.client("ops");
    HttpClient withCertificate = TestCertificates.httpClient(client.clientContext(ca.certificate()));
    TestResponse r = TestCertificates.get(withCertificate, server.url() + "/test/secret");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("secret\n");
  }

  @Test
  void withoutAClientCertificatePublicEndpointsAreServedAndSensitiveOnesRefused() {
    HttpClient anonymous = trustingCa();
    assertThat(TestCertificates.get(anonymous, server.url() + "/version").status()).isEqualTo(200);
    TestResponse r = TestCertificates.get(anonymous, server.url() + "/test/secret");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).contains("/test/secret needs a client certificate from the configured CA");
  }

  @Test
  void aClientCertificateFromAnotherCaIsNotOfferedByTheJdkAndIsRefused() {
    // The server names the CA it accepts; the JDK's client then sends no certificate at all.
    Issued stranger = otherCa.client("stranger");
    HttpClient client = TestCertificates.httpClient(stranger.clientContext(ca.certificate()));
    assertThat(TestCertificates.get(client, server.url() + "/test/secret").status()).isEqualTo(403);
  }

  @Test
  void aClientCertificateFromAnotherCaThatIsSentAnywayFailsTheHandshake() {
    Issued stranger = otherCa.client("stranger");
    HttpClient client = TestCertificates.httpClient(stranger.insistentClientContext(ca.certificate()));
    assertThrows(UncheckedIOException.class, () -> TestCertificates.get(client, server.url() + "/test/secret"));
    // and the server still serves others
    assertThat(TestCertificates.get(trustingCa(), server.url() + "/version").status()).isEqualTo(200);
  }

  @Test
  void plainHttpToTheTlsPortIsClosedWithoutAnAnswer() {
    Instant start = Instant.now();
    String answer =
        HttpCalls.raw(
            server,
            "GET /version HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
            Duration.ofSeconds(20));
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    assertThat(answer).doesNotContain("HTTP/1.1 200");
    assertThat(answer).doesNotContain("Version");
    assertThat(TestCertificates.get(trustingCa(), server.url() + "/version").status()).isEqualTo(200);
  }

  @Test
  void tls12AndTls13HandshakesAreAccepted() throws IOException {
    assertThat(handshake("TLSv1.3")).isEqualTo("TLSv1.3");
    assertThat(handshake("TLSv1.2")).isEqualTo("TLSv1.2");
  }

  @Test
  void aTls11HelloIsAnsweredWithAnAlert() throws IOException {
    // A hand-made ClientHello, since the JDK client itself refuses to offer TLS 1.1: the server,
    // not the client, must be what says no.
    assertThat(RawClientHello.send(server.port(), RawClientHello.TLS_1_1)).isEqualTo(RawClientHello.Answer.ALERT);
    assertThat(RawClientHello.send(server.port(), RawClientHello.TLS_1_0)).isEqualTo(RawClientHello.Answer.ALERT);
    // the same hello offering TLS 1.2 gets a ServerHello: the hello itself is well formed
    assertThat(RawClientHello.send(server.port(), RawClientHello.TLS_1_2)).isEqualTo(RawClientHello.Answer.SERVER_HELLO);
  }

  private static String handshake(String protocol) throws IOException {
    SSLContext context = TestCertificates.trusting(ca.certificate());
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.setEnabledProtocols(new String[] {protocol});
      socket.startHandshake();
      return socket.getSession().getProtocol();
    }
  }
}
