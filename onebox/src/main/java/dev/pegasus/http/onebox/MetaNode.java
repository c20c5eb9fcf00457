package dev.pegasus.http.onebox;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.meta.ExtraScrapeTargets;
import dev.pegasus.http.meta.MetaLeadership;
import dev.pegasus.http.meta.MetaState;
import dev.pegasus.http.meta.TableOperations;
import dev.pegasus.http.meta.zookeeper.ZooKeeperDigest;
import dev.pegasus.http.meta.zookeeper.ZooKeeperMetaLeadership;
import java.time.Duration;
import java.util.Optional;

/**
 * One meta server: a role-{@code meta} server over the cluster's shared meta state and table
 * operations (envs in ZooKeeper, bulk loads), taking part
 * in the primary election through ZooKeeper. Stopping it leaves the election first, so that a
 * backup takes over at once. Leader ids are checked against the meta list of the shared state's
 * cluster facts; with a digest, the election's nodes belong to that identity alone. Its
 * {@code /meta/scrape_targets} lists the collector too, once the onebox has started it.
 */
final class MetaNode {

  /** Short, so that a meta that dies without leaving is replaced quickly in a demo. */
  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

  /**
   * Half the session, the most the leadership allows: a ZooKeeper client needs up to ~2 s to get
   * back to a single server after a blip (a random backoff under 1 s, then 1 s before it retries
   * the same address), and the primary should answer through that; the other half is the margin
   * before an expired session lets another meta lead.
   */
  private static final Duration LEASE = SESSION_TIMEOUT.dividedBy(2);

  private final String name;
  private final ServerSettings settings;
  private final MetaState state;
  private final TableOperations operations;
  private final String zooKeeper;
  private final String electionPath;
  private final Optional<ZooKeeperDigest> digest;
  private final ExtraScrapeTargets extraTargets;
  private int port;
  private PegasusHttpServer server;
  private ZooKeeperMetaLeadership leadership;

  MetaNode(
      String name,
      ServerSettings settings,
      MetaState state,
      TableOperations operations,
      String zooKeeper,
      String zooKeeperRoot,
      Optional<ZooKeeperDigest> digest,
      ExtraScrapeTargets extraTargets,
      int port) {
    this.name = name;
    this.extraTargets = extraTargets;
    this.digest = digest;
    this.settings = settings;
    this.state = state;
    this.operations = operations;
    this.zooKeeper = zooKeeper;
    this.electionPath = zooKeeperRoot + "/meta_leader";
    this.port = port;
  }

  String name() {
    return name;
  }

  /** Binds, serves, and joins the election as {@code host:port}. */
  synchronized void start() {
    if (server != null) {
      return;
    }
    ZooKeeperMetaLeadership.Builder election =
        ZooKeeperMetaLeadership.builder(zooKeeper)
            .electionPath(electionPath)
            .sessionTimeout(SESSION_TIMEOUT)
            .lease(LEASE)
            .connectionTimeout(Duration.ofSeconds(5))
            .metaServersOf(state);
    digest.ifPresent(election::digestAuth);
    leadership = election.build();
    try {
      // The meta provider joins the election with this server's address once it is bound.
      server =
          settings
              .builder(port)
              .role("meta")
              .service(MetaState.class, state)
              .service(TableOperations.class, operations)
              .service(MetaLeadership.class, leadership)
              .service(ExtraScrapeTargets.class, extraTargets)
              .build()
              .start();
    } catch (RuntimeException e) {
      leadership.close();
      throw PortInUse.explain(e, name, settings.host(), port, "--meta-ports");
    }
    port = server.port();
  }

  /** Leaves the election but keeps serving (as a backup without a known primary: 503). */
  synchronized void leaveElection() {
    if (leadership != null) {
      leadership.close();
    }
  }

  /** Leaves the election, then stops serving. */
  synchronized void stop() {
    if (server == null) {
      return;
    }
    leadership.close();
    server.close();
    server = null;
  }

  synchronized boolean isRunning() {
    return server != null;
  }

  synchronized boolean isPrimary() {
    return server != null && leadership.isPrimary();
  }

  /** The primary this meta would redirect to, if it knows one. */
  synchronized Optional<String> knownPrimary() {
    return server == null ? Optional.empty() : leadership.primary();
  }

  /** The server's metric registry while running. */
  synchronized Optional<MetricRegistry> metrics() {
    return Optional.ofNullable(server == null ? null : server.metrics());
  }

  /** {@code host:port}, as the election and the meta list name this server. */
  synchronized String address() {
    return settings.host() + ":" + port;
  }

  synchronized String url() {
    return settings.scheme() + "://" + address();
  }
}
