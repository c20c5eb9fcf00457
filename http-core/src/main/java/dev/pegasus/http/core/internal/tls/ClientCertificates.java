package dev.pegasus.http.core.internal.tls;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.RenegotiationRequiredException;
import io.undertow.server.SSLSessionInfo;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/** The client certificate of a request's TLS connection, which the handshake has verified. */
public final class ClientCertificates {

  private ClientCertificates() {}

  /**
   * The client's leaf certificate when the connection is TLS and the client presented one: the
   * JDK fails the handshake of a certificate that the client CA does not verify, so one that is
   * here has been verified. Empty for plain HTTP and for clients without one; never renegotiates.
   */
  public static Optional<X509Certificate> verified(HttpServerExchange exchange) {
    SSLSessionInfo tls = exchange.getConnection().getSslSessionInfo();
    if (tls == null) {
      return Optional.empty();
    }
    try {
      Certificate[] chain = tls.getPeerCertificates();
      return chain != null && chain.length > 0 && chain[0] instanceof X509Certificate leaf
          ? Optional.of(leaf)
          : Optional.empty();
    } catch (SSLPeerUnverifiedException | RenegotiationRequiredException e) {
      return Optional.empty();
    }
  }
}
