package dev.pegasus.http.replica;

import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.replica.spi.ReplicaState;
import java.util.Collection;
import java.util.List;

/**
 * Contributes {@code /replica/duplication}, {@code /replica/data_version} and {@code
 * /replica/manual_compaction} to every server whose host registered a {@link
 * ReplicaState}, and nothing otherwise.
 */
public final class ReplicaEndpointProvider implements EndpointProvider {

  @Override
  public Collection<HttpEndpoint> endpoints(EndpointContext context) {
    return context
        .find(ReplicaState.class)
        .<Collection<HttpEndpoint>>map(
            state ->
                List.of(
                    new DuplicationEndpoint(state),
                    new DataVersionEndpoint(state),
                    new ManualCompactionEndpoint(state)))
        .orElse(List.of());
  }
}
