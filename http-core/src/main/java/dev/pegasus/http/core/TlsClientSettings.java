package dev.pegasus.http.core;

import static com.google.common.base.Preconditions.checkArgument;

import dev.pegasus.http.core.internal.tls.TlsContexts;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How a client of pegasus-http servers (the Collector) speaks HTTPS: the CAs it trusts (a PEM
 * file) and, optionally, the certificate it presents to servers that verify clients. Servers are
 * checked as browsers do: a chain to one of the CAs, and the host name or IP address of the URL
 * in the certificate's subject alternative names. Like a server's, the files are read again when
 * they change. Immutable.
 *
 * <pre>{@code
 * TlsClientSettings.trusting(Path.of("/etc/pegasus/ca.pem"))
 *     .withClientCertificate(TlsSettings.pem(Path.of("collector.pem"), Path.of("collector.key")));
 * }</pre>
 */
public final class TlsClientSettings {

  private final Path trustedCa;
  private final TlsSettings clientCertificate;

  private TlsClientSettings(Path trustedCa, TlsSettings clientCertificate) {
    this.trustedCa = trustedCa;
    this.clientCertificate = clientCertificate;
  }

  /** Trusts the CA certificates of this PEM file, and no others. */
  public static TlsClientSettings trusting(Path caCertificates) {
    return new TlsClientSettings(Objects.requireNonNull(caCertificates, "caCertificates"), null);
  }

  /**
   * The same, presenting this certificate and key (PEM or PKCS#12, as a server's; a client CA in
   * it is not used) to servers that ask for one.
   */
  public TlsClientSettings withClientCertificate(TlsSettings identity) {
    checkArgument(identity.clientCa().isEmpty(), "a client certificate has no client CA: %s", identity);
    return new TlsClientSettings(trustedCa, identity);
  }

  /** The PEM file of the trusted CAs. */
  public Path trustedCa() {
    return trustedCa;
  }

  /** The certificate presented to servers, if any. */
  public Optional<TlsSettings> clientCertificate() {
    return Optional.ofNullable(clientCertificate);
  }

  /**
   * A new context for {@code java.net.http} and friends: TLS 1.3 and 1.2 only, these CAs, this
   * client certificate. Reads the files now.
   *
   * @throws IllegalArgumentException when a file cannot be read
   */
  public SSLContext sslContext() {
    return TlsContexts.client(
        trustedCa,
        Optional.ofNullable(clientCertificate),
        clientCertificate == null
            ? TlsSettings.DEFAULT_RELOAD_CHECK_PERIOD
            : clientCertificate.reloadCheckPeriod());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlsClientSettings t
        && trustedCa.equals(t.trustedCa)
        && Objects.equals(clientCertificate, t.clientCertificate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(trustedCa, clientCertificate);
  }

  /** Names the files; passwords never appear. */
  @Override
  public String toString() {
    return "TlsClientSettings{trustedCa=" + trustedCa
        + (clientCertificate == null ? "" : ", clientCertificate=" + clientCertificate) + "}";
  }
}
