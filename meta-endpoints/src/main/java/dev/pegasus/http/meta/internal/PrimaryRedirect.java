package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.meta.MetaLeadership;
import java.util.Optional;

/**
 * Serves a {@code /meta/*} endpoint on the primary meta only. The framework has validated the
 * parameters before this runs; on a backup the request is answered 307 with {@code Location:
 * http://<primary><path>?<raw query>} (the query exactly as the client sent it) and an empty body,
 * and when no primary is known, 503 with {@code Retry-After} instead of a redirect to nowhere.
 * The scheme is this server's: {@code https://} when the request came over TLS, since a cluster
 * serves one scheme on every meta (the primary's address carries no scheme).
 */
final class PrimaryRedirect implements HttpEndpoint {

  /** Seconds to wait for an election to settle or ZooKeeper to come back. */
  static final long RETRY_AFTER_SECONDS = 1;

  private final HttpEndpoint delegate;
  private final MetaLeadership leadership;

  PrimaryRedirect(HttpEndpoint delegate, MetaLeadership leadership) {
    this.delegate = delegate;
    this.leadership = leadership;
  }

  @Override
  public EndpointSpec spec() {
    return delegate.spec();
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    if (leadership.isPrimary()) {
      return delegate.handle(request);
    }
    Optional<String> primary = leadership.primary();
    if (primary.isEmpty()) {
      throw EndpointException.serviceUnavailable(
          "no primary meta server is known (ZooKeeper unreachable or election in progress);"
              + " retry shortly",
          RETRY_AFTER_SECONDS);
    }
    String query = request.rawQuery();
    String scheme = request.connection().isSecure() ? "https://" : "http://";
    return HttpResponse.temporaryRedirect(
        scheme + primary.get() + request.path() + (query.isEmpty() ? "" : "?" + query));
  }
}
