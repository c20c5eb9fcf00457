package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.testing.TestCertificates.Authority;
import dev.pegasus.http.core.testing.TestCertificates.Issued;
import dev.pegasus.http.core.testing.TestCertificates.KeyForm;
import dev.pegasus.http.core.testing.TestCertificates;
import dev.pegasus.http.testing.Polling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate files rewritten under a running server: new connections get the renewal, a broken
 * renewal keeps the previous certificate; and the other ways to give a server its certificate.
 */
final class TlsReloadTest {

  @TempDir Path dir;
  final Authority ca = TestCertificates.authority("reload CA");

  private PegasusHttpServer start(TlsSettings tls) {
    return PegasusHttpServer.builder().configure(c -> c.tls(tls).accessLog(false)).build().start();
  }

  /** The serial number of the certificate a new connection is served. */
  private BigInteger servedSerial(PegasusHttpServer server) {
    try (SSLSocket socket =
        (SSLSocket) TestCertificates.trusting(ca.certificate()).getSocketFactory().createSocket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aRenewedCertificateIsServedToNewConnectionsWithoutARestart() {
    Path cert = dir.resolve("server.pem");
    Path key = dir.resolve("server.key");
    Issued first = ca.server("first");
    TlsSettings tls = first.writePem(cert, key).withReloadCheckPeriod(Duration.ofMillis(50));
    try (PegasusHttpServer server = start(tls)) {
      assertThat(servedSerial(server)).isEqualTo(first.certificate().getSerialNumber());
      Issued renewed = ca.server("renewed");
      renewed.writePem(cert, key);
      Polling.pollUntil(
          "the renewed certificate", Duration.ofSeconds(20), () -> servedSerial(server),
          renewed.certificate().getSerialNumber()::equals);
      assertThat(
              TestCertificates.get(TestCertificates.httpClient(TestCertificates.trusting(ca.certificate())), server.url() + "/version")
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void aBrokenRenewalKeepsThePreviousCertificate() throws IOException {
    Path cert = dir.resolve("server.pem");
    Path key = dir.resolve("server.key");
    Issued first = ca.server("first");
    // checked on every handshake, so that each step below is seen by the next connection
    TlsSettings tls = first.writePem(cert, key).withReloadCheckPeriod(Duration.ofNanos(1));
    try (PegasusHttpServer server = start(tls)) {
      Files.writeString(cert, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
      assertThat(servedSerial(server)).isEqualTo(first.certificate().getSerialNumber());
      Files.delete(cert);
      assertThat(servedSerial(server)).isEqualTo(first.certificate().getSerialNumber());

      // a renewal half done: the new certificate, the old key
      Issued renewed = ca.server("renewed");
      Path elsewhere = dir.resolve("elsewhere.key");
      renewed.writePem(cert, elsewhere);
      assertThat(servedSerial(server)).isEqualTo(first.certificate().getSerialNumber());
      // ... and finished: served from the next connection on
      Files.copy(elsewhere, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertThat(servedSerial(server)).isEqualTo(renewed.certificate().getSerialNumber());
    }
  }

  @Test
  void aPkcs12StoreWithItsPassword() {
    Issued issued = ca.server("p12");
    TlsSettings tls = issued.writePkcs12(dir.resolve("server.p12"), "store-pass-1".toCharArray());
    assertThat(tls.toString()).doesNotContain("store-pass-1");
    assertThat(tls.toString()).contains("password=***");
    try (PegasusHttpServer server = start(tls)) {
      assertThat(servedSerial(server)).isEqualTo(issued.certificate().getSerialNumber());
      assertThat(server.config().toString()).doesNotContain("store-pass-1");
    }
  }

  @Test
  void aWrongPkcs12PasswordFailsTheStartWithoutShowingIt() {
    ca.server("p12").writePkcs12(dir.resolve("server.p12"), "right-password".toCharArray());
    TlsSettings wrong = TlsSettings.pkcs12(dir.resolve("server.p12"), "wrong-password".toCharArray());
    PegasusHttpServer server = PegasusHttpServer.builder().configure(c -> c.tls(wrong)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, server::start);
    assertThat(e).hasMessageThat().contains("cannot read the PKCS#12 store " + dir.resolve("server.p12"));
    assertThat(e).hasMessageThat().doesNotContain("wrong-password");
    assertThat(e).hasMessageThat().doesNotContain("right-password");
  }

  @Test
  void traditionalRsaAndEcKeysAreServed() {
    for (TestCertificates.KeyAlgorithm algorithm : TestCertificates.KeyAlgorithm.values()) {
      Issued issued = ca.server("traditional " + algorithm, algorithm);
      TlsSettings tls =
          issued.writePem(dir.resolve(algorithm + ".pem"), dir.resolve(algorithm + ".key"), KeyForm.TRADITIONAL);
      try (PegasusHttpServer server = start(tls)) {
        assertThat(servedSerial(server)).isEqualTo(issued.certificate().getSerialNumber());
      }
    }
  }

  @Test
  void aKeyThatDoesNotMatchTheCertificateFailsTheStart() {
    ca.server("one").writePem(dir.resolve("one.pem"), dir.resolve("one.key"));
    ca.server("two").writePem(dir.resolve("two.pem"), dir.resolve("two.key"));
    PegasusHttpServer server =
        PegasusHttpServer.builder()
            .configure(c -> c.tls(TlsSettings.pem(dir.resolve("one.pem"), dir.resolve("two.key"))))
            .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, server::start);
    assertThat(e).hasMessageThat().contains("does not match the certificate");
    assertThat(server.isRunning()).isFalse();
  }
}
