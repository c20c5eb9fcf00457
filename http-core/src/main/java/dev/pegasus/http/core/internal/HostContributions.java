package dev.pegasus.http.core.internal;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.ScopedFilter;

/**
 * What the host gave the builder directly, beside what ServiceLoader finds: providers, endpoints,
 * filters, and endpoints that replace a built-in or discovered one on purpose.
 */
public record HostContributions(
    ImmutableList<EndpointProvider> providers,
    ImmutableList<HttpEndpoint> endpoints,
    ImmutableList<ScopedFilter> filters,
    ImmutableList<HttpEndpoint> replacements) {

  /** Nothing but what the class path has. */
  public static HostContributions none() {
    return new HostContributions(
        ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of());
  }
}
