package dev.pegasus.http.core.internal;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.HttpEndpoint;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link EndpointProvider}s on the class path with {@link ServiceLoader}, once, and
 * asks each for its endpoints in this server's context. Remembers which provider contributed
 * which endpoint, for error messages.
 */
@Singleton
public final class EndpointDiscovery {

  private static final Logger log = LoggerFactory.getLogger(EndpointDiscovery.class);

  private final ImmutableList<HttpEndpoint> endpoints;
  private final Map<HttpEndpoint, String> origins = new IdentityHashMap<>();

  @Inject
  public EndpointDiscovery(EndpointContext context, ProviderClassLoader loader) {
    ImmutableList.Builder<HttpEndpoint> found = ImmutableList.builder();
    try {
      for (EndpointProvider provider : ServiceLoader.load(EndpointProvider.class, loader.loader())) {
        Collection<HttpEndpoint> contributed;
        try {
          contributed = provider.endpoints(context);
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              "endpoint provider " + provider.name() + " failed: " + e.getMessage(), e);
        }
        if (contributed.isEmpty()) {
          log.info(
              "[{}] provider {} contributed nothing: the services it needs are not in this context",
              context.role(),
              provider.name());
        } else {
          List<String> paths = contributed.stream().map(e -> e.spec().path()).toList();
          log.info("[{}] provider {} contributed {}", context.role(), provider.name(), paths);
        }
        for (HttpEndpoint e : contributed) {
          origins.put(e, "provider " + provider.name());
          found.add(e);
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("cannot load an endpoint provider: " + e.getMessage(), e);
    }
    this.endpoints = found.build();
  }

  /** Every endpoint the providers contributed. */
  public ImmutableList<HttpEndpoint> endpoints() {
    return endpoints;
  }

  /** {@code provider <class name>} for a discovered endpoint, {@code built-in <class>} otherwise. */
  public String originOf(HttpEndpoint endpoint) {
    String origin = origins.get(endpoint);
    return origin != null ? origin : "built-in " + endpoint.getClass().getSimpleName();
  }
}
