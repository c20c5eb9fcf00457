package dev.pegasus.http.core.internal.tls;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.testing.ExternalTools;
import dev.pegasus.http.core.testing.TestCertificates;
import dev.pegasus.http.core.testing.TestCertificates.Issued;
import dev.pegasus.http.core.testing.TestCertificates.KeyForm;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the files a server is given, and what the contexts built from them offer. */
final class TlsFilesTest {

  @TempDir Path dir;
  final TestCertificates.Authority ca = TestCertificates.authority("files CA");

  @Test
  void pkcs8AndTraditionalKeysOfBothAlgorithms() throws Exception {
    for (TestCertificates.KeyAlgorithm algorithm : TestCertificates.KeyAlgorithm.values()) {
      for (KeyForm form : KeyForm.values()) {
        Issued issued = ca.server("s", algorithm);
        Path key = dir.resolve(algorithm + "-" + form + ".key");
        issued.writePem(dir.resolve("cert.pem"), key, form);
        String header = Files.readAllLines(key).get(0);
        assertThat(header)
            .isEqualTo(form == KeyForm.PKCS8 ? "-----BEGIN PRIVATE KEY-----" : "-----BEGIN " + algorithm + " PRIVATE KEY-----");
        PrivateKey read = TlsFiles.privateKey(key);
        assertThat(read.getAlgorithm()).isEqualTo(algorithm.name());
        TlsFiles.checkKeyMatches(issued.certificate(), read, "mismatch"); // the same key
      }
    }
  }

  @Test
  void anEcKeyAfterItsParametersAsOpensslEcparamWritesIt() throws Exception {
    Issued issued = ca.server("ecparam");
    Path key = dir.resolve("ecparam.key");
    try (Writer out = Files.newBufferedWriter(key, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(new PemObject("EC PARAMETERS", SECObjectIdentifiers.secp256r1.getEncoded()));
      pem.writeObject(new PemObject("EC PRIVATE KEY", TestCertificates.sec1(issued.keys()).getEncoded()));
    }
    assertThat(TlsFiles.privateKey(key).getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void keysAndCertificatesWrittenByOpensslAreRead() throws Exception {
    if (!ExternalTools.available("openssl")) {
      System.out.println("skipped keysAndCertificatesWrittenByOpensslAreRead: openssl is not installed");
      return;
    }
    Path key = dir.resolve("rsa.key");
    Path cert = dir.resolve("rsa.pem");
    ExternalTools.Result r =
        ExternalTools.run(
            Duration.ofSeconds(60), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
            "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=openssl",
            "-addext", "subjectAltName=IP:127.0.0.1");
    assertThat(r.exitCode()).isEqualTo(0);
    Path traditional = dir.resolve("rsa-traditional.key");
    ExternalTools.Result t =
        ExternalTools.run(
            Duration.ofSeconds(60), "openssl", "rsa", "-in", key.toString(), "-traditional", "-out", traditional.toString());
    assertThat(t.exitCode()).isEqualTo(0);
    assertThat(Files.readAllLines(traditional).get(0)).isEqualTo("-----BEGIN RSA PRIVATE KEY-----");
    TlsFiles.pemIdentity("a", cert, key);
    TlsFiles.pemIdentity("b", cert, traditional);
    Path ec = dir.resolve("ec.key");
    assertThat(
            ExternalTools.run(Duration.ofSeconds(60), "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-out", ec.toString())
                .exitCode())
        .isEqualTo(0);
    assertThat(TlsFiles.privateKey(ec).getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void anEncryptedKeyIsRefusedWithAReason() throws Exception {
    Issued issued = ca.server("encrypted");
    Path key = dir.resolve("encrypted.key");
    try (Writer out = Files.newBufferedWriter(key, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(
          new JcaPKCS8Generator(
              issued.keys().getPrivate(),
              new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider()).setPassword("pw".toCharArray()).build()));
    }
    TlsFileException e = assertThrows(TlsFileException.class, () -> TlsFiles.privateKey(key));
    assertThat(e).hasMessageThat().contains("is encrypted, which is not supported");
  }

  @Test
  void filesWithoutWhatTheyShouldHoldAreNamed() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
    assertThat(assertThrows(TlsFileException.class, () -> TlsFiles.privateKey(empty)))
        .hasMessageThat()
        .isEqualTo("the private key file " + empty + " holds no PEM private key");
    assertThat(assertThrows(TlsFileException.class, () -> TlsFiles.certificates(empty, "the CA file")))
        .hasMessageThat()
        .contains("the CA file " + empty);
    Path missing = dir.resolve("missing.pem");
    assertThat(assertThrows(TlsFileException.class, () -> TlsFiles.privateKey(missing)))
        .hasMessageThat()
        .contains(missing.toString());
  }

  @Test
  void serverEnginesOfferOnlyTls12And13AndWantAClientCertificate() {
    Path ca = this.ca.writeCertificate(dir.resolve("ca.pem"));
    SSLContext context =
        TlsContexts.server(
            this.ca.server("s").writePem(dir.resolve("s.pem"), dir.resolve("s.key")).withClientCa(ca), "test");
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false); // as Undertow does
    assertThat(engine.getEnabledProtocols()).asList().containsExactly("TLSv1.3", "TLSv1.2").inOrder();
    assertThat(engine.getWantClientAuth()).isTrue();
    assertThat(engine.getNeedClientAuth()).isFalse();
    assertThat(context.getDefaultSSLParameters().getProtocols()).asList().containsExactly("TLSv1.3", "TLSv1.2");
  }

  @Test
  void withoutAClientCaNoCertificateIsRequested() {
    SSLContext context =
        TlsContexts.server(this.ca.server("s").writePem(dir.resolve("s.pem"), dir.resolve("s.key")), "test");
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    assertThat(engine.getWantClientAuth()).isFalse();
  }
}
