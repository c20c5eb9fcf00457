package dev.pegasus.http.collector;

import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.HttpEndpoint;
import java.util.Collection;
import java.util.List;

/**
 * Contributes {@code /collector/app_stat} to a server whose host registered a {@link Collector}
 * (as {@link CollectorServer} does), and nothing otherwise.
 */
public final class CollectorEndpointProvider implements EndpointProvider {

  @Override
  public Collection<HttpEndpoint> endpoints(EndpointContext context) {
    return context
        .find(Collector.class)
        .<Collection<HttpEndpoint>>map(collector -> List.of(new AppStatEndpoint(collector)))
        .orElse(List.of());
  }
}
