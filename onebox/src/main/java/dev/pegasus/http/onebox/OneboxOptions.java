package dev.pegasus.http.onebox;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.AdminTokens;
import dev.pegasus.http.core.IniFile;
import dev.pegasus.http.core.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The onebox's settings: where each server listens, the cluster's shape and the workload. The
 * defaults match the original API page, so its curl examples work verbatim.
 */
public record OneboxOptions(
    String host,
    Optional<String> externalZooKeeper,
    int zooKeeperPort,
    String zooKeeperRoot,
    ImmutableList<Integer> metaPorts,
    ImmutableList<Integer> replicaPorts,
    int collectorPort,
    ImmutableMap<String, Integer> tables,
    int replicationFactor,
    Duration collectorInterval,
    Duration counterPeriod,
    boolean accessLog,
    Optional<String> adminToken,
    boolean interactive,
    Optional<OneboxTls> tls,
    Optional<Path> configFile,
    Path bulkLoadRoot) {

  /** Where bulk loads read their files unless {@code --bulk-load-root} says otherwise. */
  public static final Path DEFAULT_BULK_LOAD_ROOT =
      Path.of(System.getProperty("java.io.tmpdir"), "pegasus-onebox-bulk-load");

  /** The help text for {@code --help}. */
  public static final String USAGE =
      """
      usage: java -jar onebox/target/pegasus-onebox.jar [options]

      A whole Pegasus-style cluster in one process: ZooKeeper, meta servers (one elected
      primary), replica servers with a simulated workload, and a collector.

        --host <ip>                 address every server binds and advertises (127.0.0.1)
        --zookeeper <host:port>     use this ZooKeeper instead of starting one
        --zk-port <port>            port of the embedded ZooKeeper (22181)
        --zk-root <path>            cluster root in ZooKeeper (/pegasus/onebox/<host>)
        --meta-ports <p1,p2,...>    one meta server per port (34601,34602,34603)
        --replica-ports <p1,...>    one replica server per port (34801,34802,34803)
        --replica-servers <n>       n replica servers on consecutive ports from the first one
        --collector-port <port>     the collector (34101)
        --tables <name:partitions,...>
                                    tables to create (stat:4,temp:8)
        --replication <n>           replicas per partition (3)
        --collector-interval <s>    seconds between collector rounds (10)
        --counter-period <s>        seconds between counter snapshots on every server (10)
        --ephemeral                 every port 0: free ports chosen by the system
        --access-log                log one line per HTTP request
        --admin-token <token>       token that admits remote clients to /pprof/* and the write
                                    operations (/updateConfig, /meta/app/start_*, ...; 16+ chars);
                                    shown by ps and /pprof/cmdline (redacted): prefer
        --admin-token-file <path>   the token read from a file (or set PEGASUS_HTTP_ADMIN_TOKEN)
        --tls-cert <pem> --tls-key <pem> [--tls-ca <pem>]
                                    every server serves HTTPS only with this certificate (for
                                    127.0.0.1); the CA's client certificates admit like the token
        --bulk-load-root <dir>      the local_service root: start_bulk_load reads
                                    <dir>/<remote_root_path>/<cluster_name>/<app_name>/bulk_load_info
                                    and nothing outside <dir> (<java.io.tmpdir>/pegasus-onebox-bulk-load)
        --config <file.ini>         initial flag values for every server ([pegasus.http],
                                    [metrics], [replication], [pegasus.collector],
                                    [pegasus.profiler], [pegasus.onebox])
        --no-console                do not read commands from standard input
        --help                      this text

      Once started, type `help` for the console commands (status, stop/start metaN,
      kill/revive replicaN, quit). Ctrl-C stops everything.
      """;

  /** The defaults of the original API page. */
  public static OneboxOptions defaults() {
    return new OneboxOptions(
        "127.0.0.1",
        Optional.empty(),
        22181,
        "/pegasus/onebox/127.0.0.1",
        ImmutableList.of(34601, 34602, 34603),
        ImmutableList.of(34801, 34802, 34803),
        34101,
        ImmutableMap.of("stat", 4, "temp", 8),
        3,
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        false,
        Optional.empty(),
        true,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_BULK_LOAD_ROOT);
  }

  /** The defaults, on free ports chosen by the system: what tests use. */
  public static OneboxOptions ephemeral() {
    return defaults().withEphemeralPorts();
  }

  /** The same options with every port 0. */
  public OneboxOptions withEphemeralPorts() {
    return new OneboxOptions(
        host,
        externalZooKeeper,
        0,
        zooKeeperRoot,
        zeros(metaPorts.size()),
        zeros(replicaPorts.size()),
        0,
        tables,
        replicationFactor,
        collectorInterval,
        counterPeriod,
        accessLog,
        adminToken,
        interactive,
        tls,
        configFile,
        bulkLoadRoot);
  }

  /** The same options with other timings (tests want fast rounds). */
  public OneboxOptions withTimings(Duration collectorInterval, Duration counterPeriod) {
    return new OneboxOptions(
        host,
        externalZooKeeper,
        zooKeeperPort,
        zooKeeperRoot,
        metaPorts,
        replicaPorts,
        collectorPort,
        tables,
        replicationFactor,
        collectorInterval,
        counterPeriod,
        accessLog,
        adminToken,
        interactive,
        tls,
        configFile,
        bulkLoadRoot);
  }

  /** The same options with another {@code local_service} root for bulk loads. */
  public OneboxOptions withBulkLoadRoot(Path bulkLoadRoot) {
    return new OneboxOptions(
        host,
        externalZooKeeper,
        zooKeeperPort,
        zooKeeperRoot,
        metaPorts,
        replicaPorts,
        collectorPort,
        tables,
        replicationFactor,
        collectorInterval,
        counterPeriod,
        accessLog,
        adminToken,
        interactive,
        tls,
        configFile,
        bulkLoadRoot);
  }

  /** Parses command-line flags; throws {@link IllegalArgumentException} with a one-line reason. */
  public static OneboxOptions parse(String... args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      checkArgument(flag.startsWith("--"), "unexpected argument \"%s\" (see --help)", flag);
      if (isSwitch(flag)) {
        flags.put(flag, "");
        continue;
      }
      checkArgument(KNOWN.contains(flag), "unknown option %s (see --help)", flag);
      checkArgument(i + 1 < args.length, "%s needs a value (see --help)", flag);
      flags.put(flag, args[++i]);
    }
    OneboxOptions d = defaults();
    String host = flags.getOrDefault("--host", d.host());
    ImmutableList<Integer> replicaPorts =
        flags.containsKey("--replica-ports") ? ports("--replica-ports", flags.get("--replica-ports")) : d.replicaPorts();
    if (flags.containsKey("--replica-servers")) {
      int n = positive("--replica-servers", flags.get("--replica-servers"));
      int first = replicaPorts.get(0);
      ImmutableList.Builder<Integer> consecutive = ImmutableList.builder();
      for (int p = 0; p < n; p++) {
        consecutive.add(first + p);
      }
      replicaPorts = consecutive.build();
    }
    ImmutableMap<String, Integer> tables =
        flags.containsKey("--tables") ? tables(flags.get("--tables")) : d.tables();
    int replication =
        flags.containsKey("--replication") ? positive("--replication", flags.get("--replication")) : d.replicationFactor();
    checkArgument(
        replication <= replicaPorts.size(),
        "--replication %s needs at least that many replica servers (there are %s)",
        replication,
        replicaPorts.size());
    OneboxOptions parsed =
        new OneboxOptions(
            host,
            Optional.ofNullable(flags.get("--zookeeper")),
            flags.containsKey("--zk-port") ? port("--zk-port", flags.get("--zk-port")) : d.zooKeeperPort(),
            flags.getOrDefault("--zk-root", "/pegasus/onebox/" + host),
            flags.containsKey("--meta-ports") ? ports("--meta-ports", flags.get("--meta-ports")) : d.metaPorts(),
            replicaPorts,
            flags.containsKey("--collector-port") ? port("--collector-port", flags.get("--collector-port")) : d.collectorPort(),
            tables,
            replication,
            flags.containsKey("--collector-interval")
                ? Duration.ofSeconds(positive("--collector-interval", flags.get("--collector-interval")))
                : d.collectorInterval(),
            flags.containsKey("--counter-period")
                ? Duration.ofSeconds(positive("--counter-period", flags.get("--counter-period")))
                : d.counterPeriod(),
            flags.containsKey("--access-log"),
            adminToken(flags),
            !flags.containsKey("--no-console"),
            OneboxTls.fromFlags(flags),
            configFile(flags),
            flags.containsKey("--bulk-load-root") ? Path.of(flags.get("--bulk-load-root")) : d.bulkLoadRoot());
    return flags.containsKey("--ephemeral") ? parsed.withEphemeralPorts() : parsed;
  }

  /** True when {@code --help} was asked for. */
  public static boolean wantsHelp(String... args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  private static final List<String> KNOWN =
      List.of(
          "--host", "--zookeeper", "--zk-port", "--zk-root", "--meta-ports", "--replica-ports",
          "--replica-servers", "--collector-port", "--tables", "--replication",
          "--collector-interval", "--counter-period", "--admin-token", "--admin-token-file",
          "--tls-cert", "--tls-key", "--tls-ca", "--config", "--bulk-load-root");

  /** The sections the onebox's servers define flags in; a file's other sections are mistakes. */
  static final List<String> KNOWN_SECTIONS =
      List.of("pegasus.http", "metrics", "replication", "pegasus.collector", "pegasus.profiler", "pegasus.onebox");

  /** {@code --config}: read and checked now, so a mistake is one line naming file, line and key. */
  private static Optional<Path> configFile(Map<String, String> flags) {
    if (!flags.containsKey("--config")) {
      return Optional.empty();
    }
    Path file = Path.of(flags.get("--config"));
    for (IniFile.Entry e : IniFile.read(file).entries()) {
      checkArgument(
          KNOWN_SECTIONS.contains(e.section()),
          "%s: [%s] %s: no onebox server has a section [%s] (known: %s)",
          e.where(), e.section(), e.key(), e.section(), String.join(", ", KNOWN_SECTIONS));
    }
    return Optional.of(file);
  }

  /** From the flag, the file, or the environment, in that order; checked as the servers will. */
  private static Optional<String> adminToken(Map<String, String> flags) {
    checkArgument(
        !(flags.containsKey("--admin-token") && flags.containsKey("--admin-token-file")),
        "give --admin-token or --admin-token-file, not both");
    Optional<String> token =
        flags.containsKey("--admin-token")
            ? Optional.of(flags.get("--admin-token"))
            : flags.containsKey("--admin-token-file")
                ? Optional.of(AdminTokens.fromFile(Path.of(flags.get("--admin-token-file"))))
                : AdminTokens.fromEnvironment(AdminTokens.ENVIRONMENT_VARIABLE);
    token.ifPresent(ServerConfig.builder()::adminToken);
    return token;
  }

  private static boolean isSwitch(String flag) {
    return flag.equals("--ephemeral") || flag.equals("--access-log") || flag.equals("--no-console")
        || flag.equals("--help");
  }

  private static int port(String flag, String value) {
    int port = number(flag, value);
    checkArgument(port >= 0 && port <= 65535, "%s: %s is not a port", flag, value);
    return port;
  }

  private static ImmutableList<Integer> ports(String flag, String value) {
    List<Integer> ports = new ArrayList<>();
    for (String p : Splitter.on(',').trimResults().omitEmptyStrings().split(value)) {
      ports.add(port(flag, p));
    }
    checkArgument(!ports.isEmpty(), "%s needs at least one port", flag);
    return ImmutableList.copyOf(ports);
  }

  private static int positive(String flag, String value) {
    int n = number(flag, value);
    checkArgument(n > 0, "%s must be positive, not %s", flag, value);
    return n;
  }

  private static int number(String flag, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + ": \"" + value + "\" is not a number");
    }
  }

  private static ImmutableMap<String, Integer> tables(String value) {
    ImmutableMap.Builder<String, Integer> tables = ImmutableMap.builder();
    for (String t : Splitter.on(',').trimResults().omitEmptyStrings().split(value)) {
      List<String> parts = Splitter.on(':').splitToList(t);
      checkArgument(
          parts.size() == 2 && !parts.get(0).isEmpty(),
          "--tables: \"%s\" is not name:partitions",
          t);
      tables.put(parts.get(0), positive("--tables", parts.get(1)));
    }
    return tables.buildOrThrow();
  }

  private static ImmutableList<Integer> zeros(int n) {
    ImmutableList.Builder<Integer> z = ImmutableList.builder();
    for (int i = 0; i < n; i++) {
      z.add(0);
    }
    return z.build();
  }
}
