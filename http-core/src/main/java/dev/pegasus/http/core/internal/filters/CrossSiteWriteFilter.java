package dev.pegasus.http.core.internal.filters;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpFilter;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses a write operation that a browser sends on behalf of another site: a web page the
 * operator opens could otherwise drive the API through the operator's browser, which is loopback
 * and so trusted. Browsers mark such requests; tools such as curl or admin-cli send neither
 * header, and are let through:
 *
 * <ul>
 *   <li>{@code Sec-Fetch-Site} other than {@code same-origin} or {@code none} (typed or bookmarked);
 *   <li>{@code Origin} other than this server's own ({@code scheme://Host}), {@code null} included.
 * </ul>
 */
public final class CrossSiteWriteFilter implements HttpFilter {

  @Override
  public HttpResponse filter(HttpRequest request, EndpointSpec spec, Chain next)
      throws EndpointException {
    Optional<String> fetchSite = request.header("Sec-Fetch-Site");
    if (fetchSite.isPresent()) {
      String site = fetchSite.get().trim().toLowerCase(Locale.ROOT);
      if (!site.equals("same-origin") && !site.equals("none")) {
        throw refused(spec, "Sec-Fetch-Site: " + bounded(site));
      }
    }
    Optional<String> origin = request.header("Origin");
    if (origin.isPresent()) {
      String own =
          (request.connection().isSecure() ? "https://" : "http://")
              + request.header("Host").orElse("");
      if (!origin.get().trim().equalsIgnoreCase(own)) {
        throw refused(spec, "Origin: " + bounded(origin.get()));
      }
    }
    return next.proceed(request);
  }

  private static EndpointException refused(EndpointSpec spec, String signal) {
    return new EndpointException(
        403,
        spec.path() + " changes state and is refused to cross-site browser requests (" + signal
            + "); call it from a tool such as curl");
  }

  private static String bounded(String value) {
    return dev.pegasus.http.core.internal.ErrorText.bounded(value, 128);
  }
}
