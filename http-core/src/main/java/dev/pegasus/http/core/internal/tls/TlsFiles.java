package dev.pegasus.http.core.internal.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads certificates, private keys and PKCS#12 stores. Certificates and stores are the JDK's
 * job; PEM private keys go through Bouncy Castle's parser because the JDK reads neither the PEM
 * armour nor the traditional {@code RSA PRIVATE KEY} (PKCS#1) and {@code EC PRIVATE KEY} (SEC 1)
 * forms that openssl still writes. Every failure is a {@link TlsFileException} naming the file
 * and, never, a password.
 */
final class TlsFiles {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TlsFiles() {}

  /** Every certificate of a PEM file, in file order; at least one. */
  static List<X509Certificate> certificates(Path pem, String what) {
    try (InputStream in = Files.newInputStream(pem)) {
      List<X509Certificate> certs = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certs.add((X509Certificate) c);
      }
      if (certs.isEmpty()) {
        throw new TlsFileException(what + " " + pem + " holds no PEM certificate");
      }
      return certs;
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsFileException("cannot read " + what + " " + pem + ": " + reason(e), e);
    }
  }

  /** The private key of a PEM file: PKCS#8 ({@code PRIVATE KEY}) or traditional RSA / EC. */
  static PrivateKey privateKey(Path pem) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object item;
      while ((item = parser.readObject()) != null) {
        if (item instanceof PEMKeyPair pair) {
          // Only the private part: an EC key may leave out its optional public key.
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (item instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new TlsFileException(
              "the private key " + pem + " is encrypted, which is not supported: store it"
                  + " unencrypted with file permissions that protect it (openssl pkey -in it"
                  + " -out key.pem), or use a PKCS#12 store with a password");
        }
        // Anything else (EC PARAMETERS before an EC key, a certificate) is skipped.
      }
      throw new TlsFileException("the private key file " + pem + " holds no PEM private key");
    } catch (IOException | RuntimeException e) {
      if (e instanceof TlsFileException t) {
        throw t;
      }
      throw new TlsFileException("cannot read the private key " + pem + ": " + reason(e), e);
    }
  }

  /** The chain of {@code chainPem} and the key of {@code keyPem}, checked to belong together. */
  static TlsIdentity pemIdentity(String alias, Path chainPem, Path keyPem) {
    List<X509Certificate> chain = certificates(chainPem, "the certificate chain");
    PrivateKey key = privateKey(keyPem);
    checkKeyMatches(chain.get(0), key, keyPem + " does not match the certificate " + chainPem);
    return new TlsIdentity(alias, chain.toArray(new X509Certificate[0]), key);
  }

  /** The first private-key entry of a PKCS#12 store, whose key has the store's password. */
  static TlsIdentity pkcs12Identity(String alias, Path store, char[] password) {
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      for (String entry : Collections.list(ks.aliases())) {
        if (!ks.isKeyEntry(entry)) {
          continue;
        }
        Key key = ks.getKey(entry, password);
        Certificate[] chain = ks.getCertificateChain(entry);
        if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
          continue;
        }
        X509Certificate[] x509 = Arrays.copyOf(chain, chain.length, X509Certificate[].class);
        checkKeyMatches(x509[0], privateKey, "the key of entry \"" + entry + "\" of " + store + " does not match its certificate");
        return new TlsIdentity(alias, x509, privateKey);
      }
      throw new TlsFileException("the PKCS#12 store " + store + " holds no private key with a certificate chain");
    } catch (IOException | GeneralSecurityException e) {
      // A wrong password shows as an IOException whose cause is an UnrecoverableKeyException.
      throw new TlsFileException("cannot read the PKCS#12 store " + store + ": " + reason(e), e);
    }
  }

  /** A key store trusting every certificate of a PEM file, as CAs. */
  static KeyStore trustStore(Path caPem, String what) {
    List<X509Certificate> cas = certificates(caPem, what);
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (int i = 0; i < cas.size(); i++) {
        ks.setCertificateEntry("ca-" + i, cas.get(i));
      }
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsFileException("cannot use " + what + " " + caPem + ": " + reason(e), e);
    }
  }

  /**
   * Fails unless {@code key} is the private key of {@code certificate}: a renewal that rewrote the
   * certificate but not yet the key must not be served, since every handshake would fail.
   */
  static void checkKeyMatches(X509Certificate certificate, PrivateKey key, String mismatch) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
          default -> null; // RSASSA-PSS, DSA...: left to the handshake
        };
    if (algorithm == null) {
      return;
    }
    byte[] probe = new byte[32];
    RANDOM.nextBytes(probe);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new TlsFileException("the private key " + mismatch);
      }
    } catch (GeneralSecurityException e) {
      throw new TlsFileException("the private key " + mismatch + " (" + reason(e) + ")", e);
    }
  }

  private static String reason(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c.getMessage() != null && out.indexOf(c.getMessage()) < 0) {
        if (out.length() > 0) {
          out.append(": ");
        }
        out.append(c.getMessage());
      }
    }
    return out.length() == 0 ? e.getClass().getSimpleName() : out.toString();
  }
}
