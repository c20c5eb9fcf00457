package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.spi.Contribution;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.ScopedFilter;
import dev.pegasus.http.meta.ExtraScrapeTargets;
import dev.pegasus.http.meta.MetaLeadership;
import dev.pegasus.http.meta.MetaState;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Contributes the eight {@code /meta/*} endpoints when the host registered a {@link MetaState} (and
 * then requires a {@link MetaLeadership}; an {@link ExtraScrapeTargets} is optional); each is served by the primary meta only and redirected
 * by backups (a filter on their paths), and the leadership is started with the server's advertised
 * {@code host:port} once the server is bound. Times print in the zone of the host's {@link Clock} service, or the system zone.
 */
public final class MetaEndpointProvider implements EndpointProvider {

  @Override
  public Contribution contribute(EndpointContext context) {
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
    ZoneId zone = context.find(Clock.class).map(Clock::getZone).orElseGet(ZoneId::systemDefault);
    PegasusTimes times = new PegasusTimes(zone);
    List<HttpEndpoint> endpoints =
        List.of(
            new AppEndpoint(state),
            new AppDuplicationEndpoint(state, times),
            new AppEnvsEndpoint(state),
            new AppsEndpoint(state, times),
            new BackupPolicyEndpoint(state),
            new ClusterEndpoint(state, leadership),
            new NodesEndpoint(state),
            new ScrapeTargetsEndpoint(
                state,
                context.find(ExtraScrapeTargets.class).orElseGet(ExtraScrapeTargets::none),
                ClusterName.of(context),
                context.find(ServerConfig.class).flatMap(ServerConfig::tls).isPresent()));
    // Backups redirect the meta endpoints, and only those: a filter on their exact paths.
    List<String> paths = endpoints.stream().map(e -> e.spec().path()).toList();
    return Contribution.builder()
        .endpoints(endpoints)
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
