package dev.pegasus.http.core.internal;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.core.spi.Contribution;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.ScopedFilter;
import java.util.ArrayList;
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
 * Asks every provider for its contribution in this server's context, once: those ServiceLoader
 * finds on the class path, then those the host gave the builder. Remembers which provider
 * contributed which endpoint, for error messages, and owns the contributed resources until the
 * server closes them ({@link ServerResources}). If a later provider fails, the resources of the
 * earlier ones are closed before the error leaves.
 */
@Singleton
public final class EndpointDiscovery {

  private static final Logger log = LoggerFactory.getLogger(EndpointDiscovery.class);

  private final ImmutableList<HttpEndpoint> endpoints;
  private final ImmutableList<ScopedFilter> filters;
  private final ImmutableList<HttpEndpoint> replacements;
  private final Map<HttpEndpoint, String> origins = new IdentityHashMap<>();

  @Inject
  public EndpointDiscovery(
      EndpointContext context,
      ProviderClassLoader loader,
      HostContributions host,
      ServerResources resources) {
    ImmutableList.Builder<HttpEndpoint> found = ImmutableList.builder();
    ImmutableList.Builder<ScopedFilter> providerFilters = ImmutableList.builder();
    try {
      List<EndpointProvider> providers = new ArrayList<>();
      try {
        ServiceLoader.load(EndpointProvider.class, loader.loader()).forEach(providers::add);
      } catch (ServiceConfigurationError e) {
        throw new IllegalStateException("cannot load an endpoint provider: " + e.getMessage(), e);
      }
      providers.addAll(host.providers());
      for (EndpointProvider provider : providers) {
        Contribution contribution = contributionOf(provider, context);
        contribution.resources().forEach(r -> resources.add(r, provider.name()));
        contribution.startListeners().forEach(l -> resources.addStartListener(l, provider.name()));
        describe(context.role(), provider, contribution);
        for (HttpEndpoint e : contribution.endpoints()) {
          origins.put(e, "provider " + provider.name());
          found.add(e);
        }
        providerFilters.addAll(contribution.filters());
      }
      for (HttpEndpoint e : host.endpoints()) {
        origins.put(e, "the builder's endpoint(" + e.getClass().getName() + ")");
        found.add(e);
      }
      for (HttpEndpoint e : host.replacements()) {
        origins.put(e, "the builder's replaceEndpoint(" + e.getClass().getName() + ")");
      }
    } catch (RuntimeException | Error e) {
      resources.closeAll();
      throw e;
    }
    providerFilters.addAll(host.filters());
    this.endpoints = found.build();
    this.filters = providerFilters.build();
    this.replacements = host.replacements();
  }

  private static Contribution contributionOf(EndpointProvider provider, EndpointContext context) {
    try {
      Contribution contribution = provider.contribute(context);
      if (contribution == null) {
        throw new IllegalStateException("contribute() returned null");
      }
      return contribution;
    } catch (RuntimeException | ExceptionInInitializerError e) {
      Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException(
          "endpoint provider " + provider.name() + " failed: " + cause.getMessage(), cause);
    }
  }

  private static void describe(String role, EndpointProvider provider, Contribution contribution) {
    if (contribution.isEmpty()) {
      log.info(
          "[{}] provider {} contributed nothing: {}",
          role,
          provider.name(),
          contribution.reasonForNothing().orElse("it gave no reason"));
      return;
    }
    List<String> paths = contribution.endpoints().stream().map(e -> e.spec().path()).toList();
    List<String> filterNames = contribution.filters().stream().map(ScopedFilter::name).toList();
    log.info(
        "[{}] provider {} contributed {}{}",
        role,
        provider.name(),
        paths,
        filterNames.isEmpty() ? "" : " and filters " + filterNames);
  }

  /** Every endpoint the providers and the builder contributed. */
  public ImmutableList<HttpEndpoint> endpoints() {
    return endpoints;
  }

  /** The providers' filters in discovery order, then the builder's. */
  public ImmutableList<ScopedFilter> filters() {
    return filters;
  }

  /** Endpoints the host gave to replace another on the same path. */
  public ImmutableList<HttpEndpoint> replacements() {
    return replacements;
  }

  /** {@code provider <class name>} for a discovered endpoint, {@code built-in <class>} otherwise. */
  public String originOf(HttpEndpoint endpoint) {
    String origin = origins.get(endpoint);
    return origin != null ? origin : "built-in " + endpoint.getClass().getSimpleName();
  }
}
