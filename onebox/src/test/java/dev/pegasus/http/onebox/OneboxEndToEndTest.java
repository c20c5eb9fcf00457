package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.pegasus.http.testing.HttpCalls.get;
import static dev.pegasus.http.testing.Polling.pollUntil;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.meta.HostPort;
import dev.pegasus.http.meta.zookeeper.ZooKeeperDigest;
import dev.pegasus.http.testing.TestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole cluster on ephemeral ports, through the same code path as the default command, checked
 * over HTTP as an operator would. The steps that change the cluster (kill, stop) run last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class OneboxEndToEndTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final List<String> BUILT_INS =
      List.of(
          "/", "/config", "/configs", "/metrics", "/metrics/perf_counters", "/perfCounter", "/perfCounters", "/recentStartTime",
          "/updateConfig", "/version");
  private static final List<String> PPROF =
      List.of("/pprof/cmdline", "/pprof/growth", "/pprof/heap", "/pprof/profile", "/pprof/symbol", "/pprof/threads");
  private static final List<String> META =
      List.of(
          "/envs/list", "/meta/app", "/meta/app/duplication", "/meta/app/query_bulk_load",
          "/meta/app/start_bulk_load", "/meta/app/start_compaction", "/meta/app/usage_scenario",
          "/meta/app_envs", "/meta/apps", "/meta/backup_policy", "/meta/cluster", "/meta/nodes",
          "/meta/scrape_targets");

  static Onebox onebox;

  @BeforeAll
  static void start() {
    onebox =
        Onebox.start(
            OneboxOptions.ephemeral().withTimings(Duration.ofSeconds(1), Duration.ofSeconds(1)));
  }

  @AfterAll
  static void stop() {
    if (onebox != null) {
      onebox.close();
    }
  }

  private static List<String> helpPaths(String url) {
    List<String> paths = new ArrayList<>();
    Matcher m = Pattern.compile("\"(/[^\"]*)\":").matcher(get(url + "/").body());
    while (m.find()) {
      paths.add(m.group(1));
    }
    return paths;
  }

  private static List<String> sorted(List<String> a, List<String> b, List<String> c) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    all.sort(String::compareTo);
    return all;
  }

  private static String primaryUrl() {
    return onebox.primaryMetaUrl().orElseThrow();
  }

  private static String aBackupUrl() {
    return onebox.backupMetaUrls().get(0);
  }

  private static String field(String body, String key) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\"([^\"]*)\"").matcher(body);
    assertWithMessage("%s in %s", key, body).that(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  @Order(0)
  void meta1IsThePrimaryAtStartAsOnTheApiPage() {
    assertThat(onebox.primaryMeta()).hasValue("meta1");
    assertThat(onebox.backupMetaUrls()).containsExactly(onebox.metaUrls().get(1), onebox.metaUrls().get(2));
  }

  @Test
  @Order(1)
  void eachRoleListsExactlyItsEndpoints() {
    assertThat(helpPaths(onebox.metaUrls().get(0)))
        .containsExactlyElementsIn(sorted(BUILT_INS, PPROF, META))
        .inOrder();
    assertThat(helpPaths(onebox.replicaUrls().get(0)))
        .containsExactlyElementsIn(
            sorted(
                BUILT_INS,
                PPROF,
                List.of("/replica/data_version", "/replica/duplication", "/replica/manual_compaction")))
        .inOrder();
    assertThat(helpPaths(onebox.collectorUrl()))
        .containsExactlyElementsIn(sorted(BUILT_INS, PPROF, List.of("/collector/app_stat")))
        .inOrder();
  }

  @Test
  @Order(2)
  void metaEndpointsAnswerWithTheDocumentedShapes() {
    String meta = primaryUrl();
    String app = get(meta + "/meta/app?name=stat&detail").body();
    assertThat(app).startsWith("{\"general\":{\"app_name\":\"stat\",\"app_id\":\"1\",\"partition_count\":\"4\",\"max_replica_count\":\"3\"},\"replicas\":{\"0\":{\"pidx\":\"0\",");
    assertThat(app).contains("\"nodes\":{");
    assertThat(app).endsWith("\"healthy\":{\"fully_healthy_partition_count\":\"4\",\"unhealthy_partition_count\":\"0\",\"write_unhealthy_partition_count\":\"0\",\"read_unhealthy_partition_count\":\"0\"}}\n");
    String apps = get(meta + "/meta/apps?detail").body();
    assertThat(apps).contains("\"general_info\":{\"1\":{\"app_id\":\"1\",\"status\":\"AVAILABLE\",\"app_name\":\"stat\",\"app_type\":\"pegasus\",\"partition_count\":\"4\",\"replica_count\":\"3\",\"is_stateful\":\"true\",\"create_time\":\"");
    assertThat(apps).endsWith("\"summary\":{\"total_app_count\":\"2\",\"fully_healthy_app_count\":\"2\",\"unhealthy_app_count\":\"0\",\"write_unhealthy_app_count\":\"0\",\"read_unhealthy_app_count\":\"0\"}}\n");
    String nodes = get(meta + "/meta/nodes?detail").body();
    assertThat(nodes).contains("\"status\":\"ALIVE\",\"replica_count\":\"12\"");
    assertThat(nodes).endsWith("\"summary\":{\"total_node_count\":\"3\",\"alive_node_count\":\"3\",\"unalive_node_count\":\"0\"}}\n");
    String cluster = get(meta + "/meta/cluster").body();
    assertThat(cluster).startsWith("{\"meta_servers\":\"" + String.join(",", onebox.metaUrls()).replace("http://", "") + "\"");
    assertThat(cluster).contains("\"zookeeper_root\":\"/pegasus/onebox/127.0.0.1\",\"meta_function_level\":\"steady\",\"balance_operation_count\":\"move_pri=0,copy_pri=0,copy_sec=0,total=0\",\"primary_replica_count_stddev\":\"0.00\",\"total_replica_count_stddev\":\"0.00\"}\n");
    assertThat(get(meta + "/meta/app_envs?name=temp").body())
        .isEqualTo("{\"replica.enable_slow_query_log\":\"true\",\"replica.slow_query_threshold\":\"20\"}\n");
    assertThat(get(meta + "/meta/app/duplication?name=temp").body())
        .matches("\\{\"1\":\\{\"create_ts\":\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\",\"dupid\":1583748830,\"fail_mode\":\"FAIL_SLOW\","
            + "\"partition_states\":\\{(\"[0-7]\":\\{\"confirmed_decree\":-?\\d+,\"last_committed_decree\":\\d+\\},?){8}\\},"
            + "\"remote\":\"onebox2\",\"remote_app_name\":\"temp\",\"remote_replica_count\":3,\"status\":\"DS_START\"\\},\"appid\":2\\}");
    assertThat(get(meta + "/meta/backup_policy").body())
        .isEqualTo("{\"every_day\":{\"name\":\"every_day\",\"backup_provider_type\":\"local_service\",\"backup_interval\":\"86400\",\"app_ids\":\"[1]\",\"start_time\":\"01:30\",\"status\":\"enabled\",\"backup_history_count\":\"3\"}}\n");
  }

  @Test
  @Order(3)
  void builtInsAnswerOnEveryRole() {
    // built from a git checkout, /version names the commit
    String commitPattern = Files.exists(Path.of("..", ".git")) ? "[0-9a-f]{40}" : "";
    List<String> all = new ArrayList<>(onebox.metaUrls());
    all.addAll(onebox.replicaUrls());
    all.add(onebox.collectorUrl());
    for (String url : all) {
      assertThat(get(url + "/version").body())
          .matches("\\{\"Version\":\"\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\",\"GitCommit\":\"" + commitPattern + "\"\\}\n");
      assertThat(get(url + "/recentStartTime").body())
          .matches("\\{\"RecentStartTime\":\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\"\\}\n");
    }
  }

  @Test
  @Order(4)
  void replicaServersReportDuplicationProgress() {
    String body =
        onebox.replicaUrls().stream()
            .map(u -> get(u + "/replica/duplication?appid=2"))
            .filter(r -> r.status() == 200)
            .map(TestResponse::body)
            .findFirst()
            .orElseThrow();
    assertThat(body).startsWith("{\"1583748830\":{\"2.");
    assertThat(body).contains("\"duplicating\":true,\"fail_mode\":\"FAIL_SLOW\",\"not_confirmed_mutations_num\":");
    assertThat(body).contains(",\"remote_app_name\":\"temp\"}");
    assertThat(get(onebox.replicaUrls().get(0) + "/replica/duplication?appid=9").status()).isEqualTo(404);
  }

  @Test
  @Order(5)
  void aBackupRedirectsToThePrimaryNamedInMetaCluster() {
    String primary = field(get(primaryUrl() + "/meta/cluster").body(), "primary_meta_server");
    assertThat("http://" + primary).isEqualTo(primaryUrl());
    TestResponse r = get(aBackupUrl() + "/meta/apps?detail");
    assertThat(r.status()).isEqualTo(307);
    assertThat(r.header("Location")).hasValue("http://" + primary + "/meta/apps?detail");
  }

  @Test
  @Order(5)
  void theMetasListEveryServerForPrometheusAndTheBannerSaysHowToStartIt() {
    String body = get(primaryUrl() + "/meta/scrape_targets").body();
    String hostPorts = "\"" + String.join("\",\"", strip(onebox.metaUrls())) + "\"";
    assertThat(body).contains("{\"labels\":{\"cluster\":\"onebox\",\"role\":\"meta\"},\"targets\":[" + hostPorts + "]}");
    assertThat(body)
        .contains("{\"labels\":{\"cluster\":\"onebox\",\"role\":\"replica\"},\"targets\":[\""
            + String.join("\",\"", inAddressOrder(strip(onebox.replicaUrls()))) + "\"]}");
    assertThat(body)
        .endsWith("{\"labels\":{\"cluster\":\"onebox\",\"role\":\"collector\"},\"targets\":[\""
            + strip(List.of(onebox.collectorUrl())).get(0) + "\"]}]\n");
    assertThat(onebox.banner())
        .contains("prometheus --config.file=docs/prometheus/prometheus.yml --storage.tsdb.path=/tmp/pegasus-prometheus"
            + "   # first set its http_sd_configs url to " + onebox.metaUrls().get(0) + "/meta/scrape_targets");
    assertThat(Onebox.prometheusLine("http://127.0.0.1:34601"))
        .isEqualTo("prometheus --config.file=docs/prometheus/prometheus.yml --storage.tsdb.path=/tmp/pegasus-prometheus");
  }

  /** As the meta lists replica servers: IPv4 numerically, then port. */
  private static List<String> inAddressOrder(List<String> hostPorts) {
    return hostPorts.stream().map(HostPort::parse).sorted().map(HostPort::toString).toList();
  }

  private static List<String> strip(List<String> urls) {
    return urls.stream().map(u -> u.replaceFirst("^https?://", "")).toList();
  }

  @Test
  @Order(6)
  void theCollectorPublishesPositiveReadQps() {
    String url = onebox.collectorUrl() + "/perfCounter?name=collector*app.pegasus*app.stat.read_qps%23_all_";
    TestResponse r =
        pollUntil(
            "a positive read_qps#_all_",
            DEADLINE,
            () -> get(url),
            x -> x.status() == 200 && Double.parseDouble(field(x.body(), "value")) > 0);
    assertThat(r.body()).contains("\"type\":\"NUMBER\",\"description\":\"statistic the read_qps of app _all_\"");
    assertThat(get(onebox.collectorUrl() + "/perfCounter?name=collector*app.pegasus*app.stat.write_qps%23temp").status())
        .isEqualTo(200);
  }

  @Test
  @Order(7)
  void goToolPprofReadsAReplicaServersProfile(@TempDir Path home) throws Exception {
    Optional<Path> go = onPath("go");
    Assumptions.assumeTrue(go.isPresent(), "go is not installed (apt-get install golang-go): skipping the pprof check");
    ProcessBuilder pb =
        new ProcessBuilder(
                go.get().toString(), "tool", "pprof", "-raw", "-seconds", "1",
                onebox.replicaUrls().get(0) + "/pprof/profile")
            .redirectErrorStream(true);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("PPROF_TMPDIR", home.toString());
    Process p = pb.start();
    boolean done = p.waitFor(60, TimeUnit.SECONDS);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertWithMessage(output).that(done).isTrue();
    assertWithMessage(output).that(p.exitValue()).isEqualTo(0);
    assertThat(output).contains("PeriodType: cpu nanoseconds");
  }

  @Test
  @Order(8)
  void killingAReplicaMakesPartitionsUnhealthyAndTheNodeUnalive() {
    assertThat(onebox.execute("kill replica2")).startsWith("replica2 killed");
    String meta = primaryUrl();
    String app = get(meta + "/meta/app?name=temp&detail").body();
    assertThat(Integer.parseInt(field(app, "unhealthy_partition_count"))).isGreaterThan(0);
    String replica2 = onebox.replicaUrls().get(1).replace("http://", "");
    assertThat(get(meta + "/meta/nodes").body())
        .contains("\"" + replica2 + "\":{\"address\":\"" + replica2 + "\",\"status\":\"UNALIVE\"}");
    assertThat(onebox.execute("status")).contains("killed (UNALIVE)");
    assertThat(onebox.execute("revive replica2")).startsWith("replica2 revived");
    assertThat(get(meta + "/meta/nodes").body()).doesNotContain("UNALIVE");
  }

  @Test
  @Order(9)
  void stoppingThePrimaryElectsANewOneAndRedirectsFollow() {
    String oldPrimary = onebox.primaryMeta().orElseThrow();
    assertThat(onebox.execute("stop " + oldPrimary)).contains("the primary is now");
    String newPrimary = onebox.primaryMeta().orElseThrow();
    assertThat(newPrimary).isNotEqualTo(oldPrimary);
    String backup = aBackupUrl();
    TestResponse r =
        pollUntil(
            "the backup to redirect to the new primary",
            DEADLINE,
            () -> get(backup + "/meta/cluster"),
            x -> x.status() == 307 && x.header("Location").orElse("").startsWith(primaryUrl()));
    assertThat(r.header("Location")).hasValue(primaryUrl() + "/meta/cluster");
    assertThat(onebox.execute("start " + oldPrimary)).contains("backup");
  }

  @Test
  @Order(10)
  void consoleCommandsExplainMistakes() {
    assertThat(onebox.execute("kill replica9")).isEqualTo("no replica server \"replica9\"; the replicas are replica1, replica2, replica3");
    assertThat(onebox.execute("dance")).isEqualTo("unknown command \"dance\"; type help");
    assertThat(onebox.execute("help")).contains("kill replicaN");
  }

  @Test
  @Order(11)
  void otherLocalClientsCannotTouchTheElection() throws Exception {
    String primary = onebox.primaryMeta().orElseThrow();
    String election = "/pegasus/onebox/127.0.0.1/meta_leader";
    try (ZooKeeper anonymous = zooKeeperClient(null)) {
      assertThrows(
          KeeperException.SessionClosedRequireAuthException.class,
          () -> anonymous.getChildren(election, false));
    }
    try (ZooKeeper stranger = zooKeeperClient(ZooKeeperDigest.withRandomPassword("onebox-meta"))) {
      assertThrows(KeeperException.NoAuthException.class, () -> stranger.getChildren(election, false));
      assertThrows(KeeperException.NoAuthException.class, () -> stranger.delete(election, -1));
      assertThrows(
          KeeperException.NoAuthException.class,
          () ->
              stranger.create(
                  election + "/x-latch-",
                  "evil.example:80".getBytes(StandardCharsets.UTF_8),
                  ZooDefs.Ids.OPEN_ACL_UNSAFE,
                  CreateMode.EPHEMERAL_SEQUENTIAL));
    }
    assertThat(onebox.awaitPrimary(DEADLINE)).isTrue();
    assertThat(onebox.primaryMeta()).hasValue(primary);
  }

  /** A raw client of the onebox's ZooKeeper, authenticated as {@code digest} when not null. */
  private static ZooKeeper zooKeeperClient(ZooKeeperDigest digest) throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper client =
        new ZooKeeper(
            onebox.zooKeeper(),
            4_000,
            e -> {
              if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
              }
            });
    if (digest != null) {
      client.addAuthInfo("digest", digest.authInfo());
    }
    assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
    return client;
  }

  private static Optional<Path> onPath(String tool) throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
