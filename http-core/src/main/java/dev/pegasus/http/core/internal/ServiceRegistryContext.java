package dev.pegasus.http.core.internal;

import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.spi.EndpointContext;
import java.util.Map;
import java.util.Optional;

/** An {@link EndpointContext} over the services the host registered, keyed by their type. */
public final class ServiceRegistryContext implements EndpointContext {

  private final String role;
  private final ImmutableMap<Class<?>, Object> services;

  public ServiceRegistryContext(String role, Map<Class<?>, Object> services) {
    this.role = role;
    this.services = ImmutableMap.copyOf(services);
  }

  @Override
  public String role() {
    return role;
  }

  @Override
  public <T> Optional<T> find(Class<T> service) {
    return Optional.ofNullable(service.cast(services.get(service)));
  }
}
