package dev.pegasus.http.core.testing;

import dev.pegasus.http.core.TlsSettings;
import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.TestResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made at test time, so that no key is ever committed: CAs, server certificates for
 * 127.0.0.1 and localhost, client certificates, written as PEM (PKCS#8 or the traditional
 * openssl forms) or PKCS#12 into a test's temporary folder; and JDK clients that trust a CA.
 *
 * <pre>{@code
 * TestCertificates.Authority ca = TestCertificates.authority("test CA");
 * TestCertificates.Issued server = ca.server("server");
 * Path ca = ca.writeCertificate(dir.resolve("ca.pem"));
 * TlsSettings tls = server.writePem(dir.resolve("server.pem"), dir.resolve("server.key"));
 * }</pre>
 */
public final class TestCertificates {

  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestCertificates() {}

  /** The form a private key is written in. */
  public enum KeyForm {
    /** {@code -----BEGIN PRIVATE KEY-----}, what openssl 3 writes by default. */
    PKCS8,
    /** {@code -----BEGIN RSA PRIVATE KEY-----} or {@code -----BEGIN EC PRIVATE KEY-----}. */
    TRADITIONAL
  }

  /** A key algorithm for new certificates. */
  public enum KeyAlgorithm {
    EC,
    RSA
  }

  /** A new self-signed CA with an EC P-256 key. */
  public static Authority authority(String name) {
    KeyPair keys = keyPair(KeyAlgorithm.EC);
    X500Name subject = new X500Name("CN=" + name);
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b = builder(subject, subject, keys, Duration.ofDays(30));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      return new Authority(sign(b, keys), keys);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A CA: issues server and client certificates. */
  public static final class Authority {
    private final X509Certificate certificate;
    private final KeyPair keys;

    private Authority(X509Certificate certificate, KeyPair keys) {
      this.certificate = certificate;
      this.keys = keys;
    }

    public X509Certificate certificate() {
      return certificate;
    }

    /** Writes the CA certificate as PEM and returns the path. */
    public Path writeCertificate(Path file) {
      writePemObjects(file, certificate);
      return file;
    }

    /** A server certificate for 127.0.0.1 and localhost, with an EC key. */
    public Issued server(String name) {
      return issue(name, KeyAlgorithm.EC, KeyPurposeId.id_kp_serverAuth, Duration.ofDays(7));
    }

    /** A server certificate for 127.0.0.1 and localhost. */
    public Issued server(String name, KeyAlgorithm algorithm) {
      return issue(name, algorithm, KeyPurposeId.id_kp_serverAuth, Duration.ofDays(7));
    }

    /** A client certificate (extended key usage clientAuth). */
    public Issued client(String name) {
      return issue(name, KeyAlgorithm.EC, KeyPurposeId.id_kp_clientAuth, Duration.ofDays(7));
    }

    private Issued issue(String name, KeyAlgorithm algorithm, KeyPurposeId purpose, Duration validity) {
      KeyPair leaf = keyPair(algorithm);
      try {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b =
            builder(
                new X500Name(certificate.getSubjectX500Principal().getName()),
                new X500Name("CN=" + name),
                leaf,
                validity);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.digitalSignature | (algorithm == KeyAlgorithm.RSA ? KeyUsage.keyEncipherment : 0)));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        b.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                  new GeneralName(GeneralName.dNSName, "localhost")
                }));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
        return new Issued(sign(b, keys), leaf, certificate);
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A certificate, its key pair and its issuer's certificate. */
  public record Issued(X509Certificate certificate, KeyPair keys, X509Certificate issuer) {

    /**
     * Writes the certificate (followed by its CA's, as a chain) and the PKCS#8 key, and returns
     * settings serving them.
     */
    public TlsSettings writePem(Path certificateFile, Path keyFile) {
      return writePem(certificateFile, keyFile, KeyForm.PKCS8);
    }

    /** The same, with the key in {@code form}. */
    public TlsSettings writePem(Path certificateFile, Path keyFile, KeyForm form) {
      writePemObjects(certificateFile, certificate, issuer);
      try (Writer out = Files.newBufferedWriter(keyFile, StandardCharsets.US_ASCII);
          JcaPEMWriter pem = new JcaPEMWriter(out)) {
        if (form == KeyForm.PKCS8) {
          pem.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
        } else if (keys.getPrivate().getAlgorithm().equals("EC")) {
          pem.writeObject(new PemObject("EC PRIVATE KEY", sec1(keys).getEncoded()));
        } else {
          pem.writeObject(keys.getPrivate()); // Bouncy Castle writes PKCS#1 for RSA
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return TlsSettings.pem(certificateFile, keyFile);
    }

    /** Writes a PKCS#12 store with the key and chain and returns settings serving it. */
    public TlsSettings writePkcs12(Path file, char[] password) {
      try (OutputStream out = Files.newOutputStream(file)) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", keys.getPrivate(), password, new Certificate[] {certificate, issuer});
        ks.store(out, password);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      return TlsSettings.pkcs12(file, password);
    }

    /**
     * A context that presents this certificate even to a server that asked for another CA's, as
     * a misconfigured or hostile client would; trusts {@code trusted}.
     */
    public SSLContext insistentClientContext(X509Certificate trusted) {
      X509Certificate[] chain = {certificate, issuer};
      javax.net.ssl.X509ExtendedKeyManager insistent =
          new javax.net.ssl.X509ExtendedKeyManager() {
            @Override
            public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
              return new String[] {"me"};
            }

            @Override
            public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
              return "me";
            }

            @Override
            public String chooseEngineClientAlias(
                String[] keyType, java.security.Principal[] issuers, javax.net.ssl.SSLEngine engine) {
              return "me";
            }

            @Override
            public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
              return null;
            }

            @Override
            public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
              return null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
              return chain.clone();
            }

            @Override
            public java.security.PrivateKey getPrivateKey(String alias) {
              return keys.getPrivate();
            }
          };
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new javax.net.ssl.KeyManager[] {insistent}, trustManagers(trusted), null);
        return context;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** A JDK context presenting this certificate and trusting {@code trusted}, built without pegasus-http. */
    public SSLContext clientContext(X509Certificate trusted) {
      try {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] password = "changeit".toCharArray();
        ks.setKeyEntry("client", keys.getPrivate(), password, new Certificate[] {certificate, issuer});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), trustManagers(trusted), null);
        return context;
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The SEC 1 form of an EC key as {@code openssl ec -traditional} writes it, with its curve and
   * public key: the JDK's PKCS#8 encoding leaves both out of the inner structure.
   */
  public static org.bouncycastle.asn1.sec.ECPrivateKey sec1(KeyPair keys) throws IOException {
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
    org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
    return new org.bouncycastle.asn1.sec.ECPrivateKey(
        256,
        inner.getKey(),
        SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData(),
        info.getPrivateKeyAlgorithm().getParameters());
  }

  /** A JDK context trusting {@code ca} only, built without pegasus-http. */
  public static SSLContext trusting(X509Certificate ca) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(ca), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A {@code java.net.http} client (HTTP/1.1, no redirects) over {@code context}. */
  public static HttpClient httpClient(SSLContext context) {
    return HttpClient.newBuilder()
        .sslContext(context)
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** GET {@code url} with {@code client}, header name/value pairs after it. */
  public static TestResponse get(HttpClient client, String url, String... headers) {
    return HttpCalls.send(client, "GET", url, null, headers);
  }

  private static javax.net.ssl.TrustManager[] trustManagers(X509Certificate ca) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setCertificateEntry("ca", ca);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      return tmf.getTrustManagers();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair subjectKeys, Duration validity) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        BigInteger.valueOf(SERIALS.incrementAndGet()).shiftLeft(16).or(BigInteger.valueOf(RANDOM.nextInt(1 << 16))),
        Date.from(now.minus(Duration.ofMinutes(5))), // a little slack for clocks
        Date.from(now.plus(validity)),
        subject,
        subjectKeys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair keyPair(KeyAlgorithm algorithm) {
    try {
      if (algorithm == KeyAlgorithm.RSA) {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
      }
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writePemObjects(Path file, Object... objects) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      for (Object o : objects) {
        pem.writeObject(o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
