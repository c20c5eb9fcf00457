package dev.pegasus.http.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How a server serves HTTPS: its certificate and key, either as PEM files (the certificate chain,
 * leaf first, and a PKCS#8, traditional RSA or EC private key) or as a PKCS#12 store with its
 * password; optionally a CA file (PEM) whose client certificates admit sensitive endpoints like
 * the admin token does; and how often the files are checked for a renewal. Immutable.
 *
 * <pre>{@code
 * ServerConfig.builder().tls(
 *     TlsSettings.pem(Path.of("/etc/pegasus/server.pem"), Path.of("/etc/pegasus/server.key"))
 *         .withClientCa(Path.of("/etc/pegasus/ops-ca.pem")));
 * }</pre>
 *
 * <p>Only TLS 1.2 and 1.3 are offered, with the JDK's default cipher suites. The files are read
 * when the server starts (a bad file fails the start) and again, when their modification time or
 * size changed, at the first handshake after each {@link #reloadCheckPeriod()} (10 s by default):
 * new connections get the renewed certificate, and a renewal that cannot be read or whose key does
 * not match its certificate is logged and ignored, keeping the previous one. The password is never
 * part of {@link #toString()}.
 */
public final class TlsSettings {

  /** How often the files are checked for a renewal unless configured otherwise. */
  public static final Duration DEFAULT_RELOAD_CHECK_PERIOD = Duration.ofSeconds(10);

  private final Path certificateChain;
  private final Path privateKey;
  private final Path pkcs12;
  private final char[] pkcs12Password;
  private final Path clientCa;
  private final Duration reloadCheckPeriod;

  private TlsSettings(
      Path certificateChain,
      Path privateKey,
      Path pkcs12,
      char[] pkcs12Password,
      Path clientCa,
      Duration reloadCheckPeriod) {
    this.certificateChain = certificateChain;
    this.privateKey = privateKey;
    this.pkcs12 = pkcs12;
    this.pkcs12Password = pkcs12Password;
    this.clientCa = clientCa;
    this.reloadCheckPeriod = reloadCheckPeriod;
  }

  /**
   * The certificate chain (PEM, leaf first, intermediates after it) and its private key (PEM:
   * {@code PRIVATE KEY}, {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY}, not encrypted).
   */
  public static TlsSettings pem(Path certificateChain, Path privateKey) {
    return new TlsSettings(
        Objects.requireNonNull(certificateChain, "certificateChain"),
        Objects.requireNonNull(privateKey, "privateKey"),
        null,
        null,
        null,
        DEFAULT_RELOAD_CHECK_PERIOD);
  }

  /**
   * A PKCS#12 store holding one private key entry (the first one is used) and its chain; the key
   * is protected by the store's password. The array is copied.
   */
  public static TlsSettings pkcs12(Path store, char[] password) {
    return new TlsSettings(
        null,
        null,
        Objects.requireNonNull(store, "store"),
        Objects.requireNonNull(password, "password").clone(),
        null,
        DEFAULT_RELOAD_CHECK_PERIOD);
  }

  /**
   * The same settings, and clients may present a certificate signed by a CA of this PEM file: one
   * is requested but not required, and a verified one admits sensitive endpoints. A certificate
   * that does not verify fails the handshake.
   */
  public TlsSettings withClientCa(Path caCertificates) {
    return new TlsSettings(
        certificateChain,
        privateKey,
        pkcs12,
        pkcs12Password,
        Objects.requireNonNull(caCertificates, "caCertificates"),
        reloadCheckPeriod);
  }

  /** The same settings, checking the files for changes at most this often. */
  public TlsSettings withReloadCheckPeriod(Duration period) {
    checkArgument(!period.isNegative() && !period.isZero(), "reload check period must be positive: %s", period);
    return new TlsSettings(certificateChain, privateKey, pkcs12, pkcs12Password, clientCa, period);
  }

  /** The PEM certificate chain, when configured with {@link #pem}. */
  public Optional<Path> certificateChain() {
    return Optional.ofNullable(certificateChain);
  }

  /** The PEM private key, when configured with {@link #pem}. */
  public Optional<Path> privateKey() {
    return Optional.ofNullable(privateKey);
  }

  /** The PKCS#12 store, when configured with {@link #pkcs12}. */
  public Optional<Path> pkcs12() {
    return Optional.ofNullable(pkcs12);
  }

  /** A copy of the PKCS#12 password (empty for PEM settings); callers should clear it after use. */
  public char[] pkcs12Password() {
    return pkcs12Password == null ? new char[0] : pkcs12Password.clone();
  }

  /** The CA file that client certificates are verified against, if any. */
  public Optional<Path> clientCa() {
    return Optional.ofNullable(clientCa);
  }

  /** At most how often the files are checked for a renewal. */
  public Duration reloadCheckPeriod() {
    return reloadCheckPeriod;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlsSettings t
        && Objects.equals(certificateChain, t.certificateChain)
        && Objects.equals(privateKey, t.privateKey)
        && Objects.equals(pkcs12, t.pkcs12)
        && Arrays.equals(pkcs12Password, t.pkcs12Password)
        && Objects.equals(clientCa, t.clientCa)
        && reloadCheckPeriod.equals(t.reloadCheckPeriod);
  }

  @Override
  public int hashCode() {
    // The password is left out so that the hash says nothing about it.
    return Objects.hash(certificateChain, privateKey, pkcs12, clientCa, reloadCheckPeriod);
  }

  /** Names the files; a password shows as {@code ***}, never as itself. */
  @Override
  public String toString() {
    String identity =
        pkcs12 != null
            ? "pkcs12=" + pkcs12 + ", password=***"
            : "certificateChain=" + certificateChain + ", privateKey=" + privateKey;
    return "TlsSettings{" + identity + (clientCa == null ? "" : ", clientCa=" + clientCa)
        + ", reloadCheckPeriod=" + reloadCheckPeriod + "}";
  }
}
