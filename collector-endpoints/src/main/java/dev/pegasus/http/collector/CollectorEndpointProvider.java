package dev.pegasus.http.collector;

import dev.pegasus.http.core.spi.Contribution;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;

/**
 * Contributes {@code /collector/app_stat} to a server whose host registered a {@link Collector}
 * (as {@link CollectorServer} does), starts the collector's rounds once the server serves and
 * closes the collector with the server; nothing without a {@code Collector}.
 */
public final class CollectorEndpointProvider implements EndpointProvider {

  /** For {@link java.util.ServiceLoader}. */
  public CollectorEndpointProvider() {}

  @Override
  public Contribution contribute(EndpointContext context) {
    return context
        .find(Collector.class)
        .map(
            collector ->
                Contribution.builder()
                    .endpoint(new AppStatEndpoint(collector))
                    // Rounds publish into this server's counters: start them once it serves.
                    .onStart(started -> collector.start())
                    .closeOnStop(collector)
                    .build())
        .orElse(Contribution.none("no Collector in this server"));
  }
}
