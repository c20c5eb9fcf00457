package dev.pegasus.http.core.spi;

import java.util.Collection;
import java.util.List;

/**
 * Contributes endpoints (and filters and resources to close, see {@link Contribution}) to a
 * server. Implementations are listed in
 * {@code META-INF/services/dev.pegasus.http.core.spi.EndpointProvider} and found with
 * {@link java.util.ServiceLoader} when the server is built; they need a public no-argument
 * constructor.
 *
 * <p>A provider returns its endpoints when the services it needs are in the context and an empty
 * collection otherwise, so that one classpath can host several roles.
 */
public interface EndpointProvider {

  /**
   * What this provider gives a server with this context; {@link Contribution#none} with the
   * reason when it does not apply. By default, the {@link #endpoints} alone. The server closes
   * the contributed resources when it closes.
   */
  default Contribution contribute(EndpointContext context) {
    return Contribution.of(endpoints(context));
  }

  /**
   * The endpoints this provider serves in the given context; empty when it does not apply.
   * Providers that contribute more than endpoints override {@link #contribute} instead.
   */
  default Collection<HttpEndpoint> endpoints(EndpointContext context) {
    return List.of();
  }

  /** A short name for logs and error messages; the class name by default. */
  default String name() {
    return getClass().getName();
  }
}
