package dev.pegasus.http.core.internal;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dagger.multibindings.IntoSet;
import dev.pegasus.http.core.Flags;
import dev.pegasus.http.core.internal.metrics.MetricsEndpoint;
import dev.pegasus.http.core.internal.metrics.PerfCounterMetricsEndpoint;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.internal.builtin.ConfigEndpoint;
import dev.pegasus.http.core.internal.builtin.ConfigsEndpoint;
import dev.pegasus.http.core.internal.builtin.PerfCounterEndpoint;
import dev.pegasus.http.core.internal.builtin.UpdateConfigEndpoint;
import dev.pegasus.http.core.internal.builtin.PerfCountersEndpoint;
import dev.pegasus.http.core.internal.builtin.RecentStartTimeEndpoint;
import dev.pegasus.http.core.internal.builtin.RootHelpEndpoint;
import dev.pegasus.http.core.internal.builtin.VersionEndpoint;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.HttpEndpoint;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import javax.inject.Singleton;

/** Wires the discovered endpoints, the built-ins and the server's collaborators. */
@Module
public interface ServerModule {

  @Provides
  @ElementsIntoSet
  static Set<HttpEndpoint> discovered(EndpointDiscovery discovery) {
    return new HashSet<>(discovery.endpoints());
  }

  @Binds
  @IntoSet
  HttpEndpoint root(RootHelpEndpoint endpoint);

  @Binds
  @IntoSet
  HttpEndpoint version(VersionEndpoint endpoint);

  @Binds
  @IntoSet
  HttpEndpoint recentStartTime(RecentStartTimeEndpoint endpoint);

  @Binds
  @IntoSet
  HttpEndpoint perfCounter(PerfCounterEndpoint endpoint);

  @Binds
  @IntoSet
  HttpEndpoint perfCounters(PerfCountersEndpoint endpoint);

  @Provides
  @Singleton
  static PerfCounters counters(EndpointContext context) {
    return context
        .find(PerfCounters.class)
        .orElseThrow(() -> new IllegalStateException("the context has no PerfCounters"));
  }

  @Provides
  @Singleton
  static MetricRegistry metrics(EndpointContext context) {
    return context
        .find(MetricRegistry.class)
        .orElseThrow(() -> new IllegalStateException("the context has no MetricRegistry"));
  }

  @Provides
  @Singleton
  static Flags flags(EndpointContext context) {
    return context
        .find(Flags.class)
        .orElseThrow(() -> new IllegalStateException("the context has no Flags"));
  }

  @Binds
  @IntoSet
  HttpEndpoint config(ConfigEndpoint endpoint);

  @Binds
  @IntoSet
  HttpEndpoint configs(ConfigsEndpoint endpoint);

  @Binds
  @IntoSet
  HttpEndpoint updateConfig(UpdateConfigEndpoint endpoint);

  @Binds
  @IntoSet
  HttpEndpoint metricsEndpoint(MetricsEndpoint endpoint);

  @Binds
  @IntoSet
  HttpEndpoint perfCounterMetrics(PerfCounterMetricsEndpoint endpoint);

  @Provides
  @Singleton
  static Clock clock(EndpointContext context) {
    return context.find(Clock.class).orElseGet(Clock::systemDefaultZone);
  }

  @Provides
  @Singleton
  static AccessPolicy accessPolicy(ServerConfig config, CoreFlags flags) {
    return new AccessPolicy(config, flags::adminToken);
  }
}
