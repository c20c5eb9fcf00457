package dev.pegasus.http.profiler;

import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.HttpEndpoint;
import java.util.Collection;
import java.util.List;

/**
 * Serves {@code /pprof/profile}, {@code heap}, {@code growth}, {@code symbol}, {@code cmdline}
 * and {@code threads} on servers whose host registered a {@link PprofProfiler}; contributes
 * nothing otherwise.
 */
public final class ProfilerEndpointProvider implements EndpointProvider {

  @Override
  public Collection<HttpEndpoint> endpoints(EndpointContext context) {
    return context
        .find(PprofProfiler.class)
        .<Collection<HttpEndpoint>>map(
            profiler -> {
              profiler.claim(context.role());
              return List.of(
                  new ProfileEndpoint(profiler),
                  new HeapEndpoint(profiler),
                  new GrowthEndpoint(profiler),
                  new SymbolEndpoint(profiler),
                  new CmdlineEndpoint(),
                  new ThreadsEndpoint());
            })
        .orElse(List.of());
  }

  @Override
  public String name() {
    return "pegasus-profiler";
  }
}
