package dev.pegasus.http.profiler;

import dev.pegasus.http.core.Flag;
import dev.pegasus.http.core.Flags;
import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.spi.Contribution;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.HttpEndpoint;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

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
    if (context.find(ServerConfig.class).map(ProfilerEndpointProvider::disablesAllPprof).orElse(false)) {
      // Every endpoint would be removed anyway: open no profiling state, start no JFR stream.
      return Contribution.none("disabledPaths removes every /pprof/* endpoint");
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
      Optional<Flag<Long>> maxSeconds = context.find(Flags.class).map(flags -> maxSecondsFlag(flags, state));
      return Contribution.builder()
          .endpoints(endpoints)
          .closeOnStop(state)
          // A configuration file's value is in the flag once the server starts.
          .onStart(started -> maxSeconds.ifPresent(f -> state.maxSeconds(f.get().intValue())))
          .build();
    } catch (RuntimeException | Error e) {
      // Not contributed yet, so the server would not close it: the growth subscription would leak.
      state.close();
      throw e;
    }
  }

  /** {@code [pegasus.profiler] max_profile_seconds}: the longest window, changed at once. */
  private static Flag<Long> maxSecondsFlag(Flags flags, ProfilerState state) {
    ProfilerConfig config = state.config();
    return flags
        .uint32("pegasus.profiler", "max_profile_seconds", config.maxSeconds(),
            "The longest CPU or heap profile a request may ask for, in seconds")
        .mutable()
        .validator(s -> s >= 1 && s <= PprofSpecs.HARD_MAX_SECONDS)
        .onChange(s -> state.maxSeconds(s.intValue()))
        .define();
  }

  private static final List<String> PATHS =
      List.of("/pprof/profile", "/pprof/heap", "/pprof/growth", "/pprof/symbol", "/pprof/cmdline",
          "/pprof/threads");

  private static boolean disablesAllPprof(ServerConfig server) {
    return PATHS.stream().allMatch(server::disables);
  }

  @Override
  public String name() {
    return "pegasus-profiler";
  }
}
