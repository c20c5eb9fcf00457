package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static dev.pegasus.http.testing.HttpCalls.send;
import static dev.pegasus.http.testing.Polling.pollUntil;

import dev.pegasus.http.testing.TestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meta's table operations on the whole onebox (ephemeral ports), as an operator would call
 * them: a compaction through a backup, its envs in ZooKeeper and on {@code /meta/app_envs}, still
 * there after the primary stops; bulk loads from real {@code bulk_load_info} files under the
 * onebox's bulk-load root, and nothing outside it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class OneboxTableOperationsTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String TEMP_COMPACTION =
      "{\"app_name\":\"temp\",\"type\":\"once\",\"target_level\":-1,\"bottommost_level_compaction\":\"force\","
          + "\"max_concurrent_running_count\":2,\"trigger_time\":\"\"}";

  static Onebox onebox;

  @TempDir static Path bulkRoot;

  @BeforeAll
  static void start() {
    onebox = Onebox.start(
        OneboxOptions.ephemeral().withTimings(Duration.ofSeconds(1), Duration.ofSeconds(1)).withBulkLoadRoot(bulkRoot));
  }

  @AfterAll
  static void stop() {
    if (onebox != null) {
      onebox.close();
    }
  }

  private static String primaryUrl() {
    return onebox.primaryMetaUrl().orElseThrow();
  }

  private static TestResponse post(String url, String body) {
    return send("POST", url, body, "Content-Type", "application/json");
  }

  private static String envsCount(String appsBody, String table) {
    Matcher m =
        Pattern.compile("\"app_name\":\"" + table + "\",[^}]*\"envs_count\":\"(\\d+)\"").matcher(appsBody);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  @Order(1)
  void envsListIsServedByEveryMeta() {
    for (String meta : onebox.metaUrls()) {
      TestResponse r = get(meta + "/envs/list");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).startsWith("{\n  \"business.info\": {\n");
    }
  }

  @Test
  @Order(2)
  void compactionThroughABackupIsRedirectedThenStoredInZooKeeper() throws Exception {
    long before = Instant.now().getEpochSecond();
    String countBefore = envsCount(get(primaryUrl() + "/meta/apps").body(), "temp");
    String backup = onebox.backupMetaUrls().get(0);
    TestResponse redirect = post(backup + "/meta/app/start_compaction", TEMP_COMPACTION);
    assertThat(redirect.status()).isEqualTo(307);
    String location = redirect.header("Location").orElseThrow();
    assertThat(location).isEqualTo(primaryUrl() + "/meta/app/start_compaction");
    // curl -L --post307 does this: the same POST to the primary
    TestResponse r = post(location, TEMP_COMPACTION);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"error\":\"ERR_OK\",\"hint_message\":\"\"}\n");

    String envs = get(primaryUrl() + "/meta/app_envs?name=temp").body();
    assertThat(envs).contains("\"manual_compact.max_concurrent_running_count\":\"2\"");
    assertThat(envs).contains("\"manual_compact.once.bottommost_level_compaction\":\"force\"");
    assertThat(envs).contains("\"manual_compact.once.target_level\":\"-1\"");
    assertThat(envs).contains("\"replica.slow_query_threshold\":\"20\"");   // the others stay
    Matcher trigger = Pattern.compile("\"manual_compact.once.trigger_time\":\"(\\d+)\"").matcher(envs);
    assertThat(trigger.find()).isTrue();
    assertThat(Long.parseLong(trigger.group(1))).isAtLeast(before);
    assertThat(Integer.parseInt(envsCount(get(primaryUrl() + "/meta/apps").body(), "temp")))
        .isEqualTo(Integer.parseInt(countBefore) + 4);
    // in ZooKeeper, under the cluster root
    assertThat(onebox.storedEnvs(2).orElseThrow())
        .containsEntry("manual_compact.once.bottommost_level_compaction", "force");
    // and the replica servers compact every replica of temp they host (8 each), at most 2 at once
    String finished = "{\"status\":{\"finished\":8,\"idle\":0,\"queuing\":0,\"running\":0}}";
    for (String replica : onebox.replicaUrls()) {
      pollUntil(
          "temp compacted on " + replica,
          DEADLINE,
          () -> get(replica + "/replica/manual_compaction?app_id=2").body(),
          finished::equals);
    }
  }

  @Test
  @Order(3)
  void usageScenarioAndAnInvalidLevel() {
    TestResponse r = post(primaryUrl() + "/meta/app/usage_scenario", "{\"app_name\":\"stat\",\"scenario\":\"bulk_load\"}");
    assertThat(r.body()).isEqualTo("{\"error\":\"ERR_OK\",\"hint_message\":\"\"}\n");
    assertThat(get(primaryUrl() + "/meta/app_envs?name=stat").body()).contains("\"rocksdb.usage_scenario\":\"bulk_load\"");
    TestResponse invalid = post(primaryUrl() + "/meta/app/start_compaction", TEMP_COMPACTION.replace("-1", "0"));
    assertThat(invalid.body())
        .isEqualTo("{\"error\":\"ERR_INVALID_PARAMETERS\",\"hint_message\":\"invalid value '0', should be '-1 or >= 1'\"}\n");
  }

  /** The info file of {@code remote_root_path=/bulk}: under the onebox's {@code --bulk-load-root}. */
  private static void writeInfo(String table, String json) throws IOException {
    Path dir = bulkRoot.resolve("bulk").resolve("onebox").resolve(table);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("bulk_load_info"), json, StandardCharsets.UTF_8);
  }

  private static String bulkLoad(String table) {
    return bulkLoad(table, "onebox", "/bulk");
  }

  private static String bulkLoad(String table, String cluster, String remoteRootPath) {
    return "{\"app_name\":\"" + table + "\",\"cluster_name\":\"" + cluster + "\",\"file_provider_type\":"
        + "\"local_service\",\"remote_root_path\":\"" + remoteRootPath + "\"}";
  }

  @Test
  @Order(4)
  void aBulkLoadFromARealFileReachesSucceed() throws IOException {
    writeInfo("stat", "{\"app_id\":1,\"app_name\":\"stat\",\"partition_count\":4}");
    TestResponse r = post(primaryUrl() + "/meta/app/start_bulk_load", bulkLoad("stat"));
    assertThat(r.body()).isEqualTo("{\"error\":\"ERR_OK\",\"hint_msg\":\"\"}\n");
    String query = primaryUrl() + "/meta/app/query_bulk_load?name=stat";
    assertThat(get(query).body()).doesNotContain("BLS_INVALID");
    assertThat(post(primaryUrl() + "/meta/app/start_bulk_load", bulkLoad("stat")).body())
        .isEqualTo("{\"error\":\"ERR_BUSY\",\"hint_msg\":\"app(stat) is already executing bulk load\"}\n");
    TestResponse done = pollUntil("BLS_SUCCEED", DEADLINE, () -> get(query), x -> x.body().contains("BLS_SUCCEED"));
    assertThat(done.body())
        .isEqualTo("{\"error\":\"ERR_OK\",\"app_status\":\"replication::bulk_load_status::BLS_SUCCEED\"}\n");
  }

  @Test
  @Order(5)
  void damagedMissingAndInconsistentFiles() throws IOException {
    String start = primaryUrl() + "/meta/app/start_bulk_load";
    assertThat(post(start, bulkLoad("temp")).body())
        .isEqualTo("{\"error\":\"ERR_OBJECT_NOT_FOUND\",\"hint_msg\":\"read bulk_load_info failed\"}\n");
    writeInfo("temp", "{\"app_id\":2,\"app_name\":");
    assertThat(post(start, bulkLoad("temp")).body())
        .isEqualTo("{\"error\":\"ERR_CORRUPTION\",\"hint_msg\":\"bulk_load_info damaged\"}\n");
    writeInfo("temp", "{\"app_id\":2,\"app_name\":\"temp\",\"partition_count\":4}");
    assertThat(post(start, bulkLoad("temp")).body())
        .isEqualTo("{\"error\":\"ERR_INCONSISTENT_STATE\",\"hint_msg\":\"app_id or partition_count is inconsistent\"}\n");
    assertThat(post(start, bulkLoad("temp").replace("local_service", "hdfs_service")).body())
        .isEqualTo("{\"error\":\"ERR_INVALID_PARAMETERS\",\"hint_msg\":\"invalid file_provider\"}\n");
    assertThat(get(primaryUrl() + "/meta/app/query_bulk_load?name=temp").body())
        .isEqualTo("{\"error\":\"ERR_OK\",\"app_status\":\"replication::bulk_load_status::BLS_INVALID\"}\n");
  }

  @Test
  @Order(6)
  void nothingOutsideTheBulkLoadRootIsRead(@TempDir Path outside) throws IOException {
    String start = primaryUrl() + "/meta/app/start_bulk_load";
    String notFound = "{\"error\":\"ERR_OBJECT_NOT_FOUND\",\"hint_msg\":\"read bulk_load_info failed\"}\n";
    Path hostDir = outside.resolve("onebox").resolve("temp");
    Files.createDirectories(hostDir);
    Files.writeString(hostDir.resolve("bulk_load_info"), "{\"app_id\":2,\"app_name\":\"temp\",\"partition_count\":8}");
    // an absolute path is placed under the root, so the file at that host path is not found
    assertThat(post(start, bulkLoad("temp", "onebox", outside.toString())).body()).isEqualTo(notFound);
    // nor through ..
    String up = "/" + "../".repeat(bulkRoot.getNameCount() + 1) + outside.toString().substring(1);
    assertThat(post(start, bulkLoad("temp", "onebox", up)).body()).isEqualTo(notFound);
    assertThat(post(start, bulkLoad("temp", "../bulk/onebox", "/bulk")).body()).isEqualTo(notFound);
    // nor through a symlink inside the root
    Path link = bulkRoot.resolve("bulk").resolve("onebox").resolve("temp").resolve("bulk_load_info");
    Files.delete(link);
    Files.createSymbolicLink(link, hostDir.resolve("bulk_load_info"));
    assertThat(post(start, bulkLoad("temp")).body()).isEqualTo(notFound);
    assertThat(get(primaryUrl() + "/meta/app/query_bulk_load?name=temp").body())
        .isEqualTo("{\"error\":\"ERR_OK\",\"app_status\":\"replication::bulk_load_status::BLS_INVALID\"}\n");
    Files.delete(link);
  }

  @Test
  @Order(7)
  void ofConcurrentStartsOnlyOneStartsTheLoad() throws Exception {
    writeInfo("temp", "{\"app_id\":2,\"app_name\":\"temp\",\"partition_count\":8}");
    String start = primaryUrl() + "/meta/app/start_bulk_load";
    int n = 6;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return post(start, bulkLoad("temp")).body();
        }));
      }
      go.countDown();
      List<String> bodies = new ArrayList<>();
      for (Future<String> a : answers) {
        bodies.add(a.get());
      }
      assertThat(bodies.stream().filter("{\"error\":\"ERR_OK\",\"hint_msg\":\"\"}\n"::equals).count()).isEqualTo(1);
      assertThat(bodies.stream()
              .filter("{\"error\":\"ERR_BUSY\",\"hint_msg\":\"app(temp) is already executing bulk load\"}\n"::equals)
              .count())
          .isEqualTo(n - 1);
    } finally {
      pool.shutdownNow();
    }
    String query = primaryUrl() + "/meta/app/query_bulk_load?name=temp";
    pollUntil("temp BLS_SUCCEED", DEADLINE, () -> get(query).body(), b -> b.contains("BLS_SUCCEED"));
  }

  @Test
  @Order(8)
  void theEnvsSurviveAFailover() {
    String old = onebox.primaryMeta().orElseThrow();
    assertThat(onebox.execute("stop " + old)).contains("the primary is now");
    String primary = primaryUrl();
    assertThat(onebox.primaryMeta()).isNotEqualTo(java.util.Optional.of(old));
    String envs = get(primary + "/meta/app_envs?name=temp").body();
    assertThat(envs).contains("\"manual_compact.once.bottommost_level_compaction\":\"force\"");
    assertThat(get(primary + "/meta/app_envs?name=stat").body()).contains("\"rocksdb.usage_scenario\":\"bulk_load\"");
    // and the new primary writes to the same nodes
    TestResponse r = post(primary + "/meta/app/usage_scenario", "{\"app_name\":\"temp\",\"scenario\":\"normal\"}");
    assertThat(r.body()).isEqualTo("{\"error\":\"ERR_OK\",\"hint_message\":\"\"}\n");
    assertThat(get(primary + "/meta/app_envs?name=temp").body()).contains("\"rocksdb.usage_scenario\":\"normal\"");
  }
}
