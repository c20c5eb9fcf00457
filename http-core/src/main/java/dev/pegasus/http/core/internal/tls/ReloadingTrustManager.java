package dev.pegasus.http.core.internal.tls;

import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts the CAs of one PEM file, read again when it changes. Verification itself is the JDK's
 * PKIX trust manager (chains, validity, key usage and, for a client, the host name), so this adds
 * only the reloading.
 */
final class ReloadingTrustManager extends X509ExtendedTrustManager {

  private final ReloadingFiles<X509ExtendedTrustManager> trust;

  /** @param what names the file in log lines, e.g. "the client CA of meta" */
  ReloadingTrustManager(Path caPem, Duration checkPeriod, String what, Runnable afterReload) {
    this.trust =
        new ReloadingFiles<>(
            what + " (" + caPem + ")",
            List.of(caPem),
            checkPeriod,
            () -> load(caPem, what),
            tm -> tm.getAcceptedIssuers().length + " CA certificate(s)",
            tm -> afterReload.run());
  }

  private static X509ExtendedTrustManager load(Path caPem, String what) {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(TlsFiles.trustStore(caPem, what));
      for (TrustManager tm : factory.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager x509) {
          return x509;
        }
      }
      throw new TlsFileException("the JDK offers no X.509 trust manager for " + caPem);
    } catch (GeneralSecurityException e) {
      throw new TlsFileException("cannot use " + what + " " + caPem + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    trust.current().checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    trust.current().checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    trust.current().checkClientTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    trust.current().checkServerTrusted(chain, authType, socket);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    trust.current().checkServerTrusted(chain, authType, engine);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    trust.current().checkServerTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return trust.current().getAcceptedIssuers();
  }
}
