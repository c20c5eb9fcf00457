package dev.pegasus.http.onebox;

import dev.pegasus.http.core.Flag;
import dev.pegasus.http.core.Flags;
import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.meta.HostPort;
import dev.pegasus.http.replica.InMemoryReplicaState;
import dev.pegasus.http.replica.ReplicaStats;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import dev.pegasus.http.replica.spi.ReplicaState;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One simulated replica server: a role-{@code replica} server with its own replica state and the
 * per-partition counters and metrics that follow that state (and, as every onebox server, {@code /pprof/*}).
 * "Kill" closes the server, so the port stops answering; "revive" starts a new one on the same
 * port.
 */
final class ReplicaNode {

  /**
   * The simulated replicas store nothing; each server reports the disk of the JVM's temporary
   * directory as its one data directory, so that {@code disk@default} has real capacities.
   */
  private static final String DISK_TAG = "default";

  private static final Path DATA_DIR = Path.of(System.getProperty("java.io.tmpdir"));

  private final String name;
  private final ServerSettings settings;
  private int port;
  private InMemoryReplicaState state;
  private ReplicaStats stats;
  private PegasusHttpServer server;
  private volatile Flag<Long> workloadPercent;

  ReplicaNode(String name, ServerSettings settings, int port) {
    this.name = name;
    this.settings = settings;
    this.port = port;
  }

  String name() {
    return name;
  }

  /** Binds (the first time, possibly an ephemeral port; later, the same port again) and serves. */
  synchronized void start(ReplicaSnapshot initial) {
    if (server != null) {
      return;
    }
    state = new InMemoryReplicaState(initial);
    Flags flags = new Flags();
    workloadPercent =
        flags
            .uint32("pegasus.onebox", "workload_rate_percent", 100,
                "The simulated workload on this replica server, in percent of the default rate")
            .mutable()
            .validator(p -> p <= 10_000)
            .define();
    try {
      server =
          settings
              .builder(port)
              .role("replica")
              .flags(flags)
              .service(ReplicaState.class, state)
              .build()
              .start();
    } catch (RuntimeException e) {
      throw PortInUse.explain(e, name, settings.host(), port, "--replica-ports");
    }
    port = server.port();
    // One sync and one update per request feed the 2.0 perf counters and the master metrics.
    stats = new ReplicaStats(server.counters(), server.metrics());
    stats.metrics().disk(DISK_TAG, DATA_DIR);
    state.subscribe(stats::sync);
  }

  /** Closes the server: the port stops answering, as a crashed process would. */
  synchronized void kill() {
    if (server == null) {
      return;
    }
    server.close();
    server = null;
    stats = null;
  }

  /** The share of the default workload this server gets now, in percent. */
  long workloadPercent() {
    Flag<Long> flag = workloadPercent;
    return flag == null ? 100 : flag.get();
  }

  synchronized boolean isRunning() {
    return server != null;
  }

  /** The address clients reach this server at (the bound port once started). */
  synchronized HostPort address() {
    return HostPort.of(settings.host(), port);
  }

  synchronized String url() {
    return settings.scheme() + "://" + settings.host() + ":" + port;
  }

  /** The current state while running. */
  synchronized Optional<InMemoryReplicaState> state() {
    return Optional.ofNullable(server == null ? null : state);
  }

  /** The per-partition perf counters and metrics while running. */
  synchronized Optional<ReplicaStats> stats() {
    return Optional.ofNullable(stats);
  }

  /** The server's metric registry while running. */
  synchronized Optional<MetricRegistry> metrics() {
    return Optional.ofNullable(server == null ? null : server.metrics());
  }

  /** Replaces what this server hosts, if it is running. */
  synchronized void publish(ReplicaSnapshot snapshot) {
    if (server != null) {
      state.replace(snapshot);
    }
  }
}
