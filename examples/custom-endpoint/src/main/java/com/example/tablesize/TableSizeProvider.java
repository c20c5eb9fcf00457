package com.example.tablesize;

import dev.pegasus.http.core.spi.Contribution;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.ScopedFilter;

/**
 * Listed in {@code META-INF/services/dev.pegasus.http.core.spi.EndpointProvider}: every server
 * whose services include a {@link StorageEngine} serves {@code /example/table_size}, with the
 * request-id filter on {@code /example/*}, and closes the size reader when it closes.
 */
// docs:begin provider
public final class TableSizeProvider implements EndpointProvider {
  @Override
  public Contribution contribute(EndpointContext context) {
    return context.find(StorageEngine.class)                  // only on servers that have one
        .map(engine -> {
          StorageEngine.SizeReader reader = engine.openSizeReader();
          return Contribution.builder()
              .endpoint(new TableSizeEndpoint(reader))
              .filter(ScopedFilter.of("request-id", new RequestIdFilter(), "/example/*"))
              .closeOnStop(reader)                            // closed when the server closes
              .build();
        })
        .orElse(Contribution.none("no StorageEngine in this server"));
  }
}
// docs:end provider
