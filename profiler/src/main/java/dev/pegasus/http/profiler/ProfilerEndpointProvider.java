package dev.pegasus.http.profiler;

import dev.pegasus.http.core.spi.Contribution;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.HttpEndpoint;
import java.time.Clock;
import java.util.List;

/**
 * Serves {@code /pprof/profile}, {@code heap}, {@code growth}, {@code symbol}, {@code cmdline}
 * and {@code threads} on every server whose class path holds this module, whatever its role.
 * Each server gets its own profiling state (symbol table, profiling slot, allocation-growth
 * counts), which the server closes when it closes. A host changes the settings by registering a
 * {@link ProfilerConfig} ({@code .service(ProfilerConfig.class, config)}) and turns the profiler
 * off with {@link ProfilerConfig#disabled()}.
 */
public final class ProfilerEndpointProvider implements EndpointProvider {

  /**
   * Told about every state this provider opens, when one is registered as a service. Package
   * private: only this package's tests can register one, to watch a server's slot; hosts never
   * see a server's state.
   */
  interface StateProbe {
    void opened(ProfilerState state);
  }

  /** For {@link java.util.ServiceLoader}. */
  public ProfilerEndpointProvider() {}

  @Override
  public Contribution contribute(EndpointContext context) {
    ProfilerConfig config = context.find(ProfilerConfig.class).orElseGet(ProfilerConfig::defaults);
    if (!config.isEnabled()) {
      return Contribution.none("the host's ProfilerConfig disables the profiler");
    }
    ProfilerState state = ProfilerState.open(config, Clock.systemUTC());
    try {
      List<HttpEndpoint> endpoints =
          List.of(
              new ProfileEndpoint(state),
              new HeapEndpoint(state),
              new GrowthEndpoint(state),
              new SymbolEndpoint(state),
              new CmdlineEndpoint(),
              new ThreadsEndpoint());
      context.find(StateProbe.class).ifPresent(probe -> probe.opened(state));
      return Contribution.builder().endpoints(endpoints).closeOnStop(state).build();
    } catch (RuntimeException | Error e) {
      // Not contributed yet, so the server would not close it: the growth subscription would leak.
      state.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "pegasus-profiler";
  }
}
