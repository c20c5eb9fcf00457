package dev.pegasus.http.core.spi;

import java.util.Collection;

/**
 * Contributes endpoints to a server. Implementations are listed in
 * {@code META-INF/services/dev.pegasus.http.core.spi.EndpointProvider} and found with
 * {@link java.util.ServiceLoader} when the server is built; they need a public no-argument
 * constructor.
 *
 * <p>A provider returns its endpoints when the services it needs are in the context and an empty
 * collection otherwise, so that one classpath can host several roles.
 */
public interface EndpointProvider {

  /** The endpoints this provider serves in the given context; empty when it does not apply. */
  Collection<HttpEndpoint> endpoints(EndpointContext context);

  /** A short name for logs and error messages; the class name by default. */
  default String name() {
    return getClass().getName();
  }
}
