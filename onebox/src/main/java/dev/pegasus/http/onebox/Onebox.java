package dev.pegasus.http.onebox;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.collector.AppStatRound;
import dev.pegasus.http.collector.CollectorConfig;
import dev.pegasus.http.collector.CollectorServer;
import dev.pegasus.http.meta.BalanceOperations;
import dev.pegasus.http.meta.ClusterFacts;
import dev.pegasus.http.meta.HostPort;
import dev.pegasus.http.meta.InMemoryMetaState;
import dev.pegasus.http.meta.MetaFunctionLevel;
import dev.pegasus.http.meta.ScrapeTarget;
import dev.pegasus.http.meta.zookeeper.ZooKeeperDigest;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole cluster in one process: ZooKeeper (embedded unless an external one is given), meta
 * servers electing a primary, replica servers with a simulated workload, and a collector — each a
 * real pegasus-http server on its own port. The same object serves the console and tests:
 * {@link #execute} runs a console command and returns what it prints.
 *
 * <pre>{@code
 * try (Onebox onebox = Onebox.start(OneboxOptions.ephemeral())) {
 *   onebox.execute("kill replica2");
 *   ...
 * }
 * }</pre>
 */
public final class Onebox implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Onebox.class);
  private static final Duration ELECTION_WAIT = Duration.ofSeconds(20);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  /** How long each status of a bulk load lasts: DOWNLOADING to SUCCEED takes three. */
  static final Duration BULK_LOAD_STEP = Duration.ofSeconds(1);

  private final OneboxOptions options;
  private final EmbeddedZooKeeper zooKeeper;
  private final String zooKeeperConnect;
  private final List<ReplicaNode> replicas;
  private final List<MetaNode> metas;
  private final ClusterModel model;
  private final InMemoryMetaState metaState;
  private final CollectorServer collector;
  private final Workload workload;
  private final ZooKeeperTableEnvs tableEnvs;
  private final OneboxTableOperations tableOperations;

  private Onebox(Parts parts) {
    this.options = parts.options;
    this.zooKeeper = parts.zooKeeper;
    this.zooKeeperConnect = parts.zooKeeperConnect;
    this.replicas = parts.replicas;
    this.metas = parts.metas;
    this.model = parts.model;
    this.metaState = parts.metaState;
    this.collector = parts.collector;
    this.workload = parts.workload;
    this.tableEnvs = parts.tableEnvs;
    this.tableOperations = parts.tableOperations;
  }

  /** What start() has built so far, so that a failure can close exactly that. */
  private static final class Parts implements AutoCloseable {
    OneboxOptions options;
    EmbeddedZooKeeper zooKeeper;
    String zooKeeperConnect;
    Optional<ZooKeeperDigest> digest = Optional.empty();
    /** What the metas list beside themselves and the replicas for Prometheus: the collector, once started. */
    final AtomicReference<List<ScrapeTarget>> collectorTargets = new AtomicReference<>(List.of());
    final List<ReplicaNode> replicas = new ArrayList<>();
    final List<MetaNode> metas = new ArrayList<>();
    ClusterModel model;
    InMemoryMetaState metaState;
    CollectorServer collector;
    Workload workload;
    ZooKeeperTableEnvs tableEnvs;
    OneboxTableOperations tableOperations;

    @Override
    public void close() {
      if (workload != null) {
        workload.close();
      }
      if (collector != null) {
        collector.close();
      }
      metas.forEach(MetaNode::stop);
      if (tableOperations != null) {
        tableOperations.close();
      }
      if (tableEnvs != null) {
        tableEnvs.close();
      }
      replicas.forEach(ReplicaNode::kill);
      if (zooKeeper != null) {
        zooKeeper.close();
      }
    }
  }

  /**
   * Starts everything and waits until a primary meta is elected.
   *
   * @throws OneboxStartException with a one-line reason when a port is taken or ZooKeeper cannot
   *     be reached
   */
  public static Onebox start(OneboxOptions options) {
    Parts parts = new Parts();
    parts.options = options;
    try {
      startZooKeeper(parts);
      ServerSettings settings = new ServerSettings(options);
      for (int i = 0; i < options.replicaPorts().size(); i++) {
        ReplicaNode node = new ReplicaNode("replica" + (i + 1), settings, options.replicaPorts().get(i));
        node.start(ReplicaSnapshot.empty());
        parts.replicas.add(node);
      }
      List<HostPort> nodes = parts.replicas.stream().map(ReplicaNode::address).toList();
      parts.model =
          new ClusterModel(
              nodes,
              options.tables(),
              options.replicationFactor(),
              facts(options, parts.zooKeeperConnect, List.of()),
              Instant.now().getEpochSecond());
      startTableOperations(parts);
      parts.metaState = new InMemoryMetaState(parts.model.metaSnapshot());
      for (int i = 0; i < options.metaPorts().size(); i++) {
        MetaNode meta =
            new MetaNode(
                "meta" + (i + 1),
                settings,
                parts.metaState,
                parts.tableOperations,
                parts.zooKeeperConnect,
                options.zooKeeperRoot(),
                parts.digest,
                parts.collectorTargets::get,
                options.metaPorts().get(i));
        parts.metas.add(meta);
        meta.start();
        // The metas redirect only to a leader on the meta list: list each one as soon as it is
        // bound, so that the next one to start already knows all before it.
        parts.model.facts(
            facts(options, parts.zooKeeperConnect, parts.metas.stream().map(MetaNode::address).toList()));
        parts.metaState.set(parts.model.metaSnapshot());
        if (i == 0) {
          // meta1 joins the election alone, so that it is the primary at start as on the API page
          // (its examples use 34601); the others then queue behind it.
          awaitPrimary(parts.metas, ELECTION_WAIT);
        }
      }
      List<String> metaAddresses = parts.metas.stream().map(MetaNode::address).toList();
      parts.model.facts(facts(options, parts.zooKeeperConnect, metaAddresses));
      parts.metaState.set(parts.model.metaSnapshot());
      for (ReplicaNode node : parts.replicas) {
        node.publish(parts.model.replicaSnapshot(node.address()));
      }
      parts.workload = new Workload(parts.model, parts.replicas);
      parts.collector = startCollector(options, settings, metaAddresses);
      parts.collectorTargets.set(
          List.of(ScrapeTarget.collector(HostPort.of(options.host(), parts.collector.server().port()))));
      parts.workload.start();
      Onebox onebox = new Onebox(parts);
      onebox.awaitPrimary(ELECTION_WAIT);
      return onebox;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      parts.close();
      throw new OneboxStartException("the onebox start was interrupted", e);
    } catch (RuntimeException | IOException e) {
      parts.close();
      if (e instanceof OneboxStartException start) {
        throw start;
      }
      throw new OneboxStartException("the onebox could not start: " + e.getMessage(), e);
    }
  }

  /**
   * Connects the envs' store to ZooKeeper under the cluster root (with the metas' digest) and
   * loads the tables' envs from it, or seeds it with the initial ones.
   */
  private static void startTableOperations(Parts parts) throws IOException, InterruptedException {
    parts.tableEnvs =
        new ZooKeeperTableEnvs(parts.zooKeeperConnect, parts.options.zooKeeperRoot(), parts.digest);
    if (!parts.tableEnvs.start()) {
      throw new OneboxStartException(
          "ZooKeeper at " + parts.zooKeeperConnect + " did not answer; the table envs live there", null);
    }
    // the metas' snapshot follows the model; the replicas read it on the workload's next tick
    Runnable publish = () -> {
      synchronized (parts.model) {
        parts.metaState.set(parts.model.metaSnapshot());
      }
    };
    // made now, so that an operator can put bulk_load_info files into it
    try {
      Files.createDirectories(parts.options.bulkLoadRoot());
    } catch (IOException e) {
      throw new IOException("--bulk-load-root " + parts.options.bulkLoadRoot() + " cannot be made: " + e, e);
    }
    parts.tableOperations =
        new OneboxTableOperations(
            parts.model, parts.tableEnvs, publish, BULK_LOAD_STEP, parts.options.bulkLoadRoot());
    try {
      parts.tableOperations.loadOrSeed();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("the table envs could not be read from ZooKeeper: " + e.getMessage(), e);
    }
  }

  private static void startZooKeeper(Parts parts) throws IOException {
    OneboxOptions options = parts.options;
    if (options.externalZooKeeper().isPresent()) {
      // No digest: a per-run secret would leave the election path's persistent parents owned by
      // an identity that the next run does not know, and lock it out of its own cluster root.
      parts.zooKeeperConnect = options.externalZooKeeper().get();
      return;
    }
    // Every client of the embedded ZooKeeper is of this process: two connections per meta (one more
    // while a lost session is replaced), one for the table envs, and two to spare; digest auth required, with a secret
    // that lives as long as this run, so no other local process can touch the election.
    EmbeddedZooKeeper zk =
        new EmbeddedZooKeeper(
            options.host(), options.zooKeeperPort(), 2 * options.metaPorts().size() + 3, true);
    try {
      zk.start();
    } catch (IOException e) {
      zk.close();
      if (PortInUse.isCause(e)) {
        throw new OneboxStartException(
            "port " + options.zooKeeperPort() + " on " + options.host() + " (ZooKeeper) is already in use;"
                + " choose another with --zk-port, use a running ZooKeeper with --zookeeper host:port,"
                + " or --ephemeral for free ports",
            e);
      }
      throw e;
    }
    parts.zooKeeper = zk;
    parts.zooKeeperConnect = zk.connectString();
    parts.digest = Optional.of(ZooKeeperDigest.withRandomPassword("onebox-meta"));
  }

  private static CollectorServer startCollector(
      OneboxOptions options, ServerSettings settings, List<String> metaAddresses) {
    CollectorConfig config =
        CollectorConfig.builder()
            .metaServers(metaAddresses)
            .interval(options.collectorInterval())
            // the collector reads the replicas' periodic snapshots: wait for the first one with traffic
            .firstRoundDelay(options.counterPeriod().plusSeconds(1))
            .tls(options.tls().map(OneboxTls::collector).orElse(null))
            .build();
    try {
      return CollectorServer.start(
          config,
          server -> settings.apply(server, options.collectorPort()));
    } catch (RuntimeException e) {
      throw PortInUse.explain(e, "collector", options.host(), options.collectorPort(), "--collector-port");
    }
  }

  private static ClusterFacts facts(OneboxOptions options, String zooKeeper, List<String> metas) {
    return ClusterFacts.builder()
        .metaServers(metas)
        .zookeeperHosts(zooKeeper)
        .zookeeperRoot(options.zooKeeperRoot())
        .functionLevel(MetaFunctionLevel.STEADY)
        .balanceOperations(BalanceOperations.counted(0, 0, 0))
        .build();
  }

  /**
   * Waits until one running meta is the primary and every running meta knows which (so backups
   * redirect instead of answering 503); false if that does not happen within the timeout.
   */
  public boolean awaitPrimary(Duration timeout) {
    return awaitPrimary(metas, timeout);
  }

  private static boolean awaitPrimary(List<MetaNode> metas, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!primaryKnownToAll(metas)) {
      if (Instant.now().isAfter(deadline)) {
        log.warn("no primary meta after {}: is ZooKeeper reachable?", timeout);
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private static boolean primaryKnownToAll(List<MetaNode> metas) {
    Optional<MetaNode> primary = metas.stream().filter(MetaNode::isPrimary).findFirst();
    return primary.isPresent()
        && metas.stream()
            .filter(MetaNode::isRunning)
            .allMatch(m -> m.knownPrimary().equals(Optional.of(primary.get().address())));
  }

  /** The primary meta's name ({@code meta1}, ...), if one is elected now. */
  public Optional<String> primaryMeta() {
    return metas.stream().filter(MetaNode::isPrimary).map(MetaNode::name).findFirst();
  }

  /** The meta servers' URLs, {@code http://host:port}, in order (meta1 first). */
  public ImmutableList<String> metaUrls() {
    return metas.stream().map(MetaNode::url).collect(ImmutableList.toImmutableList());
  }

  /** The URL of the primary meta, if one is elected. */
  public Optional<String> primaryMetaUrl() {
    return metas.stream().filter(MetaNode::isPrimary).map(MetaNode::url).findFirst();
  }

  /** The URLs of the running metas that are not the primary. */
  public ImmutableList<String> backupMetaUrls() {
    return metas.stream()
        .filter(m -> m.isRunning() && !m.isPrimary())
        .map(MetaNode::url)
        .collect(ImmutableList.toImmutableList());
  }

  /** The replica servers' URLs, in order (replica1 first). */
  public ImmutableList<String> replicaUrls() {
    return replicas.stream().map(ReplicaNode::url).collect(ImmutableList.toImmutableList());
  }

  public String collectorUrl() {
    return collector.server().url();
  }

  /** The ZooKeeper connect string in use. */
  public String zooKeeper() {
    return zooKeeperConnect;
  }

  /** The embedded ZooKeeper, when the onebox runs its own (tests stop and restart it). */
  public Optional<EmbeddedZooKeeper> embeddedZooKeeper() {
    return Optional.ofNullable(zooKeeper);
  }

  /** The replica servers, for tests. */
  List<ReplicaNode> replicaNodes() {
    return replicas;
  }

  /** The meta servers, for tests. */
  List<MetaNode> metaNodes() {
    return metas;
  }

  /** The simulated cluster, for tests that change it directly (a table's envs, say). */
  ClusterModel model() {
    return model;
  }

  /** The collector's latest round, if one has completed. */
  public Optional<AppStatRound> latestCollectorRound() {
    return collector.collector().latestRound();
  }

  /**
   * Runs one console command and returns what it prints: {@code status}, {@code stop metaN},
   * {@code start metaN}, {@code kill replicaN}, {@code revive replicaN}, {@code help}.
   */
  public synchronized String execute(String commandLine) {
    List<String> words = List.of(commandLine.trim().toLowerCase(Locale.ROOT).split("\\s+"));
    String command = words.get(0);
    String target = words.size() > 1 ? words.get(1) : "";
    if (words.size() > 2) {
      return "too many words in \"" + commandLine.trim() + "\"; type help";
    }
    return switch (command) {
      case "" -> "";
      case "help", "?" -> help();
      case "status" -> status();
      case "stop" -> withMeta(target, this::stopMeta);
      case "start" -> withMeta(target, this::startMeta);
      case "kill" -> withReplica(target, this::killReplica);
      case "revive" -> withReplica(target, this::reviveReplica);
      default -> "unknown command \"" + command + "\"; type help";
    };
  }

  private interface Action<T> {
    String apply(T node);
  }

  private String withMeta(String name, Action<MetaNode> action) {
    return metas.stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .map(action::apply)
        .orElse("no meta server \"" + name + "\"; the metas are " + names(metas.stream().map(MetaNode::name).toList()));
  }

  private String withReplica(String name, Action<ReplicaNode> action) {
    return replicas.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .map(action::apply)
        .orElse("no replica server \"" + name + "\"; the replicas are "
            + names(replicas.stream().map(ReplicaNode::name).toList()));
  }

  private static String names(List<String> names) {
    return String.join(", ", names);
  }

  private String stopMeta(MetaNode meta) {
    if (!meta.isRunning()) {
      return meta.name() + " is already stopped";
    }
    boolean wasPrimary = meta.isPrimary();
    meta.stop();
    if (!wasPrimary) {
      return meta.name() + " stopped";
    }
    awaitPrimary(ELECTION_WAIT);
    return meta.name() + " stopped; the primary is now " + primaryMeta().map(this::describeMeta).orElse("not elected yet");
  }

  private String startMeta(MetaNode meta) {
    if (meta.isRunning()) {
      return meta.name() + " is already running";
    }
    meta.start();
    awaitPrimary(ELECTION_WAIT);
    return meta.name() + " started at " + meta.url() + " (" + (meta.isPrimary() ? "primary" : "backup") + ")";
  }

  private String killReplica(ReplicaNode replica) {
    if (!replica.isRunning()) {
      return replica.name() + " is already down";
    }
    replica.kill();
    model.nodeDown(replica.address());
    publish();
    return replica.name() + " killed: " + replica.address() + " is UNALIVE and its partitions lost a replica ("
        + unhealthySummary() + ")";
  }

  private String reviveReplica(ReplicaNode replica) {
    if (replica.isRunning()) {
      return replica.name() + " is already running";
    }
    replica.start(ReplicaSnapshot.empty()); // bind first: if the port is gone, nothing changes
    model.nodeUp(replica.address());
    publish();
    return replica.name() + " revived at " + replica.url() + " (" + unhealthySummary() + ")";
  }

  /** Pushes the model's current view to the metas and every running replica server. */
  private void publish() {
    synchronized (model) { // one order of snapshots with the table operations' publishes
      metaState.set(model.metaSnapshot());
    }
    for (ReplicaNode node : replicas) {
      node.publish(model.replicaSnapshot(node.address()));
    }
  }

  private String unhealthySummary() {
    return model.unhealthyPartitions().entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue() + " unhealthy")
        .collect(Collectors.joining(", "));
  }

  private String describeMeta(String name) {
    return metas.stream().filter(m -> m.name().equals(name)).findFirst().map(m -> name + " (" + m.url() + ")").orElse(name);
  }

  /** Every server with its URL and state, the tables, and the collector's latest round. */
  public synchronized String status() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(
        "%-10s %-28s %s%n",
        "zookeeper",
        zooKeeperConnect,
        (zooKeeper != null ? "embedded" : "external") + ", cluster root " + options.zooKeeperRoot()));
    for (MetaNode m : metas) {
      String state = !m.isRunning() ? "stopped" : m.isPrimary() ? "primary" : "backup";
      out.append(String.format("%-10s %-28s %s%n", m.name(), m.url(), state));
    }
    for (ReplicaNode r : replicas) {
      String state = r.isRunning() ? "alive" : "killed (UNALIVE)";
      out.append(String.format("%-10s %-28s %s%n", r.name(), r.url(), state));
    }
    out.append(String.format("%-10s %-28s %s%n", "collector", collectorUrl(), describeRound()));
    Map<String, Integer> unhealthy = model.unhealthyPartitions();
    out.append(String.format(
        "%-10s %s%n",
        "tables",
        model.partitionCounts().entrySet().stream()
            .map(e -> e.getKey() + " (" + e.getValue() + " partitions, " + unhealthy.get(e.getKey()) + " unhealthy)")
            .collect(Collectors.joining(", "))));
    return out.toString().stripTrailing();
  }

  private String describeRound() {
    return latestCollectorRound()
        .map(r -> "last round at " + CLOCK.format(LocalTime.ofInstant(r.time(), ZoneId.systemDefault()))
            + ": " + (r.replicaServers().size() - r.failedReplicaServers().size()) + " of "
            + r.replicaServers().size() + " replica servers answered")
        .orElse("no round yet");
  }

  /** What the console prints at start: every server, the primary, and curl lines to try. */
  public String banner() {
    String meta = primaryMetaUrl().orElse(metas.get(0).url());
    String backup = backupMetaUrls().isEmpty() ? meta : backupMetaUrls().get(0);
    String replica = replicas.get(0).url();
    String table = options.tables().containsKey("temp") ? "temp" : options.tables().keySet().iterator().next();
    // over TLS every curl line names the CA to trust, and pprof finds it through SSL_CERT_FILE
    String curl = options.tls().map(t -> "curl --cacert " + t.trusted()).orElse("curl");
    String pprof = options.tls().map(t -> "SSL_CERT_FILE=" + t.trusted() + " ").orElse("") + "go tool pprof";
    return status()
        + "\n\nthe primary meta is " + primaryMeta().map(this::describeMeta).orElse("not elected yet")
        + "\n\ntry:\n"
        + "  " + curl + " " + meta + "/\n"
        + "  " + curl + " '" + meta + "/meta/app?name=" + table + "&detail'\n"
        + "  " + curl + " " + meta + "/meta/cluster\n"
        + "  " + curl + " -i " + backup + "/meta/nodes            # a backup meta answers 307 to the primary\n"
        + "  " + curl + " -L '" + backup + "/meta/apps?detail'    # -L follows it\n"
        + "  " + curl + " '" + replica + "/replica/duplication?appid=2'\n"
        + "  " + curl + " '" + collectorUrl() + "/perfCounter?name=collector*app.pegasus*app.stat.read_qps%23_all_'\n"
        + "  " + pprof + " -top -seconds 5 " + replica + "/pprof/profile\n"
        + "  " + curl + " -d '{\"app_name\":\"" + table + "\",\"cluster_name\":\"onebox\",\"file_provider_type\":"
        + "\"local_service\",\"remote_root_path\":\"/bulk\"}' " + meta + "/meta/app/start_bulk_load\n"
        + "      # reads " + options.bulkLoadRoot().resolve("bulk/onebox/" + table + "/bulk_load_info")
        + " (--bulk-load-root)\n"
        + "\nmonitor it with Prometheus (from the repository's root):\n"
        + "  " + prometheusLine(metas.get(0).url()) + "\n"
        + "\ntype help for commands; Ctrl-C stops everything";
  }

  /** The shipped configuration discovers the cluster through this meta. */
  static final String SHIPPED_PROMETHEUS_META = "http://127.0.0.1:34601";

  /**
   * The command that starts Prometheus on the shipped configuration, which discovers every server
   * through {@code meta}'s {@code /meta/scrape_targets}; with other ports or TLS, what to change in
   * it first.
   */
  static String prometheusLine(String meta) {
    String line =
        "prometheus --config.file=docs/prometheus/prometheus.yml --storage.tsdb.path=/tmp/pegasus-prometheus";
    if (meta.equals(SHIPPED_PROMETHEUS_META)) {
      return line;
    }
    String change = "set its http_sd_configs url to " + meta + "/meta/scrape_targets";
    if (meta.startsWith("https:")) {
      change += " and give it the CA (tls_config, see docs/prometheus/README.md)";
    }
    return line + "   # first " + change;
  }

  private static String help() {
    return """
        status            every server with its URL and state, the tables, the collector's last round
        stop metaN        stop a meta server (if it is the primary, a backup takes over)
        start metaN       start it again
        kill replicaN     crash a replica server: UNALIVE, its partitions lose a replica
        revive replicaN   bring it back as a secondary
        help              this text
        quit              stop everything (or Ctrl-C)""";
  }

  /** Stops every server, the workload and the embedded ZooKeeper. Safe to call twice. */
  @Override
  public synchronized void close() {
    workload.close();
    collector.close();
    metas.forEach(MetaNode::leaveElection); // all at once, so the primary does not hop from one to the next
    metas.forEach(MetaNode::stop);
    tableOperations.close();
    tableEnvs.close();
    replicas.forEach(ReplicaNode::kill);
    if (zooKeeper != null) {
      zooKeeper.close();
    }
  }

  /** The envs of the table {@code appId} as ZooKeeper holds them now (a real read), for tests. */
  Optional<Map<String, String>> storedEnvs(int appId) throws Exception {
    return tableEnvs.read(appId);
  }
}
