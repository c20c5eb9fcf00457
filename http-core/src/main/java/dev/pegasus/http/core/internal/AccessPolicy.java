package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides who may call a sensitive endpoint (profiles, the command line): loopback clients
 * (unless loopback is not trusted, behind a local proxy); other clients only with the admin token (as {@code Bearer} or as the Basic-auth
 * password), with a TLS client certificate verified against the configured client CA, or when
 * the server was explicitly opened. The remote address is the socket's peer: forwarding headers
 * are never trusted.
 */
public final class AccessPolicy {

  private final java.util.function.Supplier<Optional<String>> adminToken;
  private final boolean openToAll;
  private final boolean trustLoopback;
  private final boolean clientCertificates;

  public AccessPolicy(ServerConfig config) {
    this(config, config::adminToken);
  }

  /** A policy whose token is read at each check (the {@code admin_token} flag's current value). */
  public AccessPolicy(ServerConfig config, java.util.function.Supplier<Optional<String>> adminToken) {
    this.adminToken = adminToken;
    this.openToAll = config.sensitiveOpenToAll();
    this.trustLoopback = config.trustLoopback();
    this.clientCertificates = config.tls().flatMap(t -> t.clientCa()).isPresent();
  }

  /** How a request was let in, for the audit log. */
  public enum Admission {
    /** The endpoint is not sensitive. */
    PUBLIC,
    /** The server was opened to every client. */
    OPEN,
    /** A loopback client, trusted as such. */
    LOOPBACK,
    /** A client certificate verified against the client CA. */
    CERTIFICATE,
    /** The admin token. */
    TOKEN,
    /** Not let in. */
    REFUSED;

    /** Lower case, as the audit log writes it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@link #check(EndpointSpec, InetAddress, Optional, Optional)} for a client without a certificate. */
  public Admission check(EndpointSpec spec, InetAddress remote, Optional<String> authorization)
      throws EndpointException {
    return check(spec, remote, authorization, Optional.empty());
  }

  /**
   * True when the request is let in whatever credentials it carries (not sensitive, an opened
   * server, a trusted loopback client): the cheap question, asked before reading any header.
   */
  public boolean admitsWithoutCredentials(EndpointSpec spec, InetAddress remote) {
    return !spec.isSensitive() || openToAll || (trustLoopback && remote.isLoopbackAddress());
  }

  /** How {@link #check} would admit this request, without throwing. */
  public Admission admission(
      EndpointSpec spec,
      InetAddress remote,
      Optional<String> authorization,
      Optional<X509Certificate> clientCertificate) {
    try {
      return check(spec, remote, authorization, clientCertificate);
    } catch (EndpointException e) {
      return Admission.REFUSED;
    }
  }

  /**
   * Returns normally when the client may call the endpoint; otherwise throws the 401 or 403 to
   * send.
   *
   * @param clientCertificate the client's certificate, which the TLS handshake verified against
   *     the client CA; it admits like the token, but only when a client CA is configured (a
   *     certificate that nothing verified proves nothing)
   */
  public Admission check(
      EndpointSpec spec,
      InetAddress remote,
      Optional<String> authorization,
      Optional<X509Certificate> clientCertificate)
      throws EndpointException {
    if (!spec.isSensitive()) {
      return Admission.PUBLIC;
    }
    if (openToAll) {
      return Admission.OPEN;
    }
    if (trustLoopback && remote.isLoopbackAddress()) {
      return Admission.LOOPBACK;
    }
    if (clientCertificates && clientCertificate.isPresent()) {
      return Admission.CERTIFICATE;
    }
    Optional<String> token = adminToken.get();
    if (token.isEmpty()) {
      throw new EndpointException(
          403,
          clientCertificates
              ? spec.path() + (trustLoopback ? " needs, from non-loopback clients," : " needs")
                  + " a client certificate from the configured CA"
              : trustLoopback
                  ? spec.path() + " is served to loopback clients only; configure an admin token to"
                      + " allow remote clients"
                  : spec.path() + " needs the admin token, and none is configured");
    }
    Optional<String> presented = authorization.flatMap(AccessPolicy::presentedToken);
    if (presented.isEmpty()) {
      throw unauthorized(spec.path() + " needs the admin token from non-loopback clients"
          + " (Authorization: Bearer <token>)"
          + (clientCertificates ? " or a client certificate from the configured CA" : ""));
    }
    if (!MessageDigest.isEqual(
        presented.get().getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8))) {
      throw unauthorized("the admin token presented for " + spec.path() + " is not valid");
    }
    return Admission.TOKEN;
  }

  private static EndpointException unauthorized(String message) {
    return new EndpointException(401, message)
        .withHeader("WWW-Authenticate", "Bearer realm=\"pegasus-http\"");
  }

  /** The token of a {@code Bearer} header, or the password of a {@code Basic} one. */
  static Optional<String> presentedToken(String authorization) {
    String value = authorization.trim();
    int space = value.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
    String credentials = value.substring(space + 1).trim();
    if (scheme.equals("bearer")) {
      return Optional.of(credentials);
    }
    if (scheme.equals("basic")) {
      try {
        String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

}
