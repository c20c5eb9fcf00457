package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.ClusterName;
import dev.pegasus.http.core.Flags;
import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.spi.Contribution;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.ScopedFilter;
import dev.pegasus.http.meta.ExtraScrapeTargets;
import dev.pegasus.http.meta.MetaLeadership;
import dev.pegasus.http.meta.MetaState;
import dev.pegasus.http.meta.TableOperations;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Contributes the twelve {@code /meta/*} endpoints and {@code /envs/list} when the host registered
 * a {@link MetaState} (and then requires a {@link MetaLeadership}; a {@link TableOperations} is
 * optional and enables the four table operations, an {@link ExtraScrapeTargets} adds servers to
 * {@code /meta/scrape_targets}); each {@code /meta/*} endpoint is served by the
 * primary meta only and redirected by backups (a filter on their paths), and the leadership is started with the server's advertised
 * {@code host:port} once the server is bound. Times print in the zone of the host's {@link Clock} service, or the system zone.
 */
public final class MetaEndpointProvider implements EndpointProvider {

  @Override
  public Contribution contribute(EndpointContext context) {
    Flags flags = context.find(Flags.class).orElseGet(Flags::new);
    ServerConfig config = context.find(ServerConfig.class).orElseGet(() -> ServerConfig.builder().build());
    Optional<MetaState> found = context.find(MetaState.class);
    if (found.isEmpty()) {
      return Contribution.none("no MetaState in this server");
    }
    MetaState state = found.get();
    MetaLeadership leadership =
        context
            .find(MetaLeadership.class)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the host registered a MetaState but no MetaLeadership; register"
                            + " StaticMetaLeadership.self() for a single meta server, or a"
                            + " ZooKeeperMetaLeadership"));
    Optional<Clock> clock = context.find(Clock.class);
    ZoneId zone = clock.map(Clock::getZone).orElseGet(ZoneId::systemDefault);
    PegasusTimes times = new PegasusTimes(zone);
    Optional<TableOperations> operations = context.find(TableOperations.class);
    EnvWrites envWrites = new EnvWrites(state, operations);
    List<HttpEndpoint> endpoints =
        List.of(
            new AppEndpoint(state),
            new AppDuplicationEndpoint(state, times),
            new AppEnvsEndpoint(state),
            new AppsEndpoint(state, times),
            new BackupPolicyEndpoint(state),
            new ClusterEndpoint(state, leadership),
            new NodesEndpoint(state),
            new QueryBulkLoadEndpoint(state, operations),
            new StartBulkLoadEndpoint(state, operations),
            new StartCompactionEndpoint(envWrites, operations.isPresent(), clock.orElseGet(Clock::systemUTC)),
            new UsageScenarioEndpoint(envWrites, operations.isPresent()),
            new ScrapeTargetsEndpoint(
                state,
                context.find(ExtraScrapeTargets.class).orElseGet(ExtraScrapeTargets::none),
                () -> ClusterName.of(flags, config),
                context.find(ServerConfig.class).flatMap(ServerConfig::tls).isPresent()));
    // Backups redirect the meta endpoints, and only those: a filter on their exact paths (the
    // writes included, so that a backup redirects them before it decodes their bodies).
    List<String> paths = endpoints.stream().map(e -> e.spec().path()).toList();
    Optional<MetaMetrics> metrics =
        context.find(MetricRegistry.class).map(registry -> new MetaMetrics(registry, state, leadership));
    Contribution.Builder contribution = Contribution.builder();
    metrics.ifPresent(
        m -> contribution.onStart(started -> m.start(started.advertisedAddress())).closeOnStop(m));
    return contribution
        .endpoints(endpoints)
        // served by every meta, as upstream's env validator: not behind the redirect
        .endpoint(new EnvsListEndpoint())
        .filter(ScopedFilter.of("primary-redirect", new PrimaryRedirect(leadership), paths))
        // Joins the election under the real host:port, known only once the port is bound. The
        // host owns the leadership and closes it (first, so that another meta takes over at once).
        .onStart(started -> leadership.start(started.advertisedAddress()))
        .build();
  }

  @Override
  public String name() {
    return "meta-endpoints";
  }
}
