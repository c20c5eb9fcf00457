package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpFilter;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.meta.MetaLeadership;
import java.util.Optional;

/**
 * The filter that serves the {@code /meta/*} endpoints on the primary meta only; the meta
 * provider contributes it for its own paths. The framework has validated the parameters before
 * this runs; on a backup the request is answered 307 with {@code Location:
 * http://<primary><path>?<raw query>} (the query exactly as the client sent it) and an empty body,
 * and when no primary is known, 503 with {@code Retry-After} instead of a redirect to nowhere.
 * The scheme is this server's: {@code https://} when the request came over TLS, since a cluster
 * serves one scheme on every meta (the primary's address carries no scheme).
 */
final class PrimaryRedirect implements HttpFilter {

  /** Seconds to wait for an election to settle or ZooKeeper to come back. */
  static final long RETRY_AFTER_SECONDS = 1;

  private final MetaLeadership leadership;

  PrimaryRedirect(MetaLeadership leadership) {
    this.leadership = leadership;
  }

  @Override
  public HttpResponse filter(HttpRequest request, EndpointSpec spec, Chain next)
      throws EndpointException {
    if (leadership.isPrimary()) {
      return next.proceed(request);
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
