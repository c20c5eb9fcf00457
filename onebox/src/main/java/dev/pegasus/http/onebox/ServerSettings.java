package dev.pegasus.http.onebox;

import dev.pegasus.http.core.BuildInfo;
import dev.pegasus.http.core.PegasusHttpServer;

/**
 * What every onebox server shares: its host, cluster name ({@value #CLUSTER_NAME}), counter period,
 * access log, admin token, TLS and version.
 */
final class ServerSettings {

  /** The cluster's name in {@code /metrics} and the Prometheus labels, as Pegasus's onebox. */
  static final String CLUSTER_NAME = "onebox";

  private final OneboxOptions options;
  private final BuildInfo buildInfo;

  ServerSettings(OneboxOptions options) {
    this.options = options;
    this.buildInfo = BuildInfo.fromManifestOf(ServerSettings.class).orElseGet(BuildInfo::framework);
  }

  /**
   * A server builder on {@code port} with the shared settings. Every server also serves {@code
   * /pprof/*}: the profiler is on the class path and needs nothing from the host.
   */
  PegasusHttpServer.Builder builder(int port) {
    return apply(PegasusHttpServer.builder(), port);
  }

  /** Gives {@code server} the shared settings and {@code port}. */
  PegasusHttpServer.Builder apply(PegasusHttpServer.Builder server, int port) {
    options.configFile().ifPresent(server::sharedConfigFile);
    return server
        .host(options.host())
        .port(port)
        .configure(
            c ->
                c.clusterName(CLUSTER_NAME)
                    .counterPeriod(options.counterPeriod())
                    .accessLog(options.accessLog())
                    .adminToken(options.adminToken().orElse(null))
                    .buildInfo(buildInfo)
                    .tls(options.tls().map(OneboxTls::server).orElse(null))
                    .ioThreads(2)
                    .workerThreads(8));
  }

  String host() {
    return options.host();
  }

  /** {@code https} with {@code --tls-cert}, {@code http} otherwise. */
  String scheme() {
    return options.tls().isPresent() ? "https" : "http";
  }
}
