package dev.pegasus.http.onebox;

import dev.pegasus.http.core.TlsClientSettings;
import dev.pegasus.http.core.TlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The onebox's {@code --tls-cert}, {@code --tls-key} and {@code --tls-ca}: every server serves
 * HTTPS with this certificate; the CA (or, without one, the certificate itself, which then must
 * be self-signed) is what the collector and curl trust, and its client certificates admit
 * {@code /pprof/*} like the admin token.
 */
record OneboxTls(Path certificate, Path key, Optional<Path> ca) {

  /** The TLS part of parsed flags, or empty when none of them is given. */
  static Optional<OneboxTls> fromFlags(Map<String, String> flags) {
    String cert = flags.get("--tls-cert");
    String key = flags.get("--tls-key");
    String ca = flags.get("--tls-ca");
    if (cert == null && key == null && ca == null) {
      return Optional.empty();
    }
    if (cert == null || key == null) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together (see --help)");
    }
    OneboxTls tls = new OneboxTls(Path.of(cert), Path.of(key), Optional.ofNullable(ca).map(Path::of));
    for (Path p : new Path[] {tls.certificate, tls.key, tls.ca.orElse(tls.certificate)}) {
      if (!Files.isReadable(p)) {
        throw new IllegalArgumentException("cannot read " + p);
      }
    }
    return Optional.of(tls);
  }

  /** What every server serves. */
  TlsSettings server() {
    TlsSettings s = TlsSettings.pem(certificate, key);
    return ca.map(s::withClientCa).orElse(s);
  }

  /** What the collector trusts. */
  TlsClientSettings collector() {
    return TlsClientSettings.trusting(trusted());
  }

  /** The file for curl's {@code --cacert}. */
  Path trusted() {
    return ca.orElse(certificate);
  }
}
