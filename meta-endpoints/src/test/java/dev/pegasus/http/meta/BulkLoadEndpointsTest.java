package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.meta.MetaFixtures.q;
import static dev.pegasus.http.testing.Envelopes.envelope;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /meta/app/start_bulk_load} and {@code /meta/app/query_bulk_load} (master reference §5.2,
 * §5.3) over {@link InMemoryTableOperations}, with real {@code bulk_load_info} files under its
 * {@code local_service} root, and what that root keeps out.
 */
final class BulkLoadEndpointsTest {

  static final String TABLE = "test_meta_http";
  static final String START = "/meta/app/start_bulk_load";
  static final String GOOD_INFO = "{\"app_id\":2,\"app_name\":\"" + TABLE + "\",\"partition_count\":8}";

  /** Holds {@code root/} (the local_service root) and {@code outside/} beside it. */
  static final Path WORK = createTempDirectory();
  static final Path ROOT = WORK.resolve("root");
  static final Path OUTSIDE = WORK.resolve("outside");

  static final InMemoryMetaState state = new InMemoryMetaState(MetaSnapshot.empty());
  static InMemoryTableOperations operations = new InMemoryTableOperations(state, ROOT);

  @RegisterExtension
  static final PegasusServerExtension meta =
      PegasusServerExtension.perClass(
              b -> {
                MetaFixtures.meta(state, StaticMetaLeadership.self(MetaFixtures.PRIMARY)).accept(b);
                b.service(TableOperations.class, operations);
              })
          .beforeEachTest(() -> state.set(MetaFixtures.unitTestCluster()));

  /** Each test's own {@code remote_root_path}, absolute as operators write it: {@code /<test>}. */
  private String remote;

  @BeforeEach
  void forgetBulkLoads(TestInfo test) {
    operations.setBulkLoadStatus(TABLE, BulkLoadStatus.INVALID);
    remote = "/" + test.getTestMethod().orElseThrow().getName();
  }

  @AfterAll
  static void deleteFiles() throws IOException {
    // walk does not follow links: a symlink is deleted, never its target
    try (Stream<Path> files = Files.walk(WORK)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Path createTempDirectory() {
    try {
      Path work = Files.createTempDirectory("bulk-load-test");
      Files.createDirectories(work.resolve("root"));
      Files.createDirectories(work.resolve("outside"));
      return work;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The info file of {@code remote_root_path=remote}, cluster onebox, under the root. */
  private Path infoFile() throws IOException {
    Path dir = ROOT.resolve(remote.substring(1)).resolve("onebox").resolve(TABLE);
    Files.createDirectories(dir);
    return dir.resolve("bulk_load_info");
  }

  private void writeInfo(String json) throws IOException {
    Files.writeString(infoFile(), json, StandardCharsets.UTF_8);
  }

  private String body(String table, String provider) {
    return body(table, "onebox", provider, remote);
  }

  private static String body(String table, String cluster, String provider, String remoteRootPath) {
    return q("{'app_name':'" + table + "','cluster_name':'" + cluster + "','file_provider_type':'" + provider
        + "','remote_root_path':'" + remoteRootPath + "'}");
  }

  private static String result(String error, String hint) {
    return "{\"error\":\"" + error + "\",\"hint_msg\":\"" + hint + "\"}\n";
  }

  private static final String NOT_FOUND = result("ERR_OBJECT_NOT_FOUND", "read bulk_load_info failed");

  private static String status(String error, String bls) {
    return "{\"error\":\"" + error + "\",\"app_status\":\"replication::bulk_load_status::BLS_" + bls + "\"}\n";
  }

  @Test
  void aGoodFileStartsTheLoad() throws IOException {
    writeInfo(GOOD_INFO);
    assertThat(meta.get("/meta/app/query_bulk_load?name=" + TABLE).body()).isEqualTo(status("ERR_OK", "INVALID"));
    TestResponse r = meta.post(START, body(TABLE, "local_service"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(result("ERR_OK", ""));
    // upstream's pinned body
    assertThat(meta.get("/meta/app/query_bulk_load?name=" + TABLE).body())
        .isEqualTo("{\"error\":\"ERR_OK\",\"app_status\":\"replication::bulk_load_status::BLS_DOWNLOADING\"}\n");
    assertThat(meta.post(START, body(TABLE, "local_service")).body())
        .isEqualTo(result("ERR_BUSY", "app(" + TABLE + ") is already executing bulk load"));
    operations.setBulkLoadStatus(TABLE, BulkLoadStatus.SUCCEED);
    assertThat(meta.get("/meta/app/query_bulk_load?name=" + TABLE).body()).isEqualTo(status("ERR_OK", "SUCCEED"));
  }

  @Test
  void theFileChecksInUpstreamsOrder() throws IOException {
    assertThat(meta.post(START, body(TABLE, "hdfs_service")).body())
        .isEqualTo(result("ERR_INVALID_PARAMETERS", "invalid file_provider"));
    assertThat(meta.post(START, body(TABLE, "local_service")).body()).isEqualTo(NOT_FOUND);
    writeInfo("{\"app_id\":2,");
    assertThat(meta.post(START, body(TABLE, "local_service")).body())
        .isEqualTo(result("ERR_CORRUPTION", "bulk_load_info damaged"));
    writeInfo("{\"app_id\":2,\"app_name\":\"" + TABLE + "\",\"partition_count\":4}");
    assertThat(meta.post(START, body(TABLE, "local_service")).body())
        .isEqualTo(result("ERR_INCONSISTENT_STATE", "app_id or partition_count is inconsistent"));
    writeInfo("{\"app_id\":3,\"app_name\":\"" + TABLE + "\",\"partition_count\":8}");
    assertThat(meta.post(START, body(TABLE, "local_service")).body())
        .isEqualTo(result("ERR_INCONSISTENT_STATE", "app_id or partition_count is inconsistent"));
    assertThat(operations.bulkLoadStatus(TABLE)).isEqualTo(BulkLoadStatus.INVALID);
  }

  @Test
  void anAbsoluteRemoteRootPathLiesUnderTheRoot() throws IOException {
    // the file where the path names it on the host's file system is not looked at
    Path hostDir = OUTSIDE.resolve("onebox").resolve(TABLE);
    Files.createDirectories(hostDir);
    Files.writeString(hostDir.resolve("bulk_load_info"), GOOD_INFO);
    assertThat(meta.post(START, body(TABLE, "onebox", "local_service", OUTSIDE.toString())).body()).isEqualTo(NOT_FOUND);
    // but the same path under the root is
    Path underRoot = ROOT.resolve(OUTSIDE.toString().substring(1)).resolve("onebox").resolve(TABLE);
    Files.createDirectories(underRoot);
    Files.writeString(underRoot.resolve("bulk_load_info"), GOOD_INFO);
    assertThat(meta.post(START, body(TABLE, "onebox", "local_service", OUTSIDE.toString())).body())
        .isEqualTo(result("ERR_OK", ""));
  }

  @Test
  void dotDotAndNulAnswerAsAMissingFile() throws IOException {
    // a good file at root/../outside/onebox/<table>, and at root/x/onebox/<table>
    Path outside = OUTSIDE.resolve("onebox").resolve(TABLE);
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("bulk_load_info"), GOOD_INFO);
    Path inside = ROOT.resolve("x").resolve("onebox").resolve(TABLE);
    Files.createDirectories(inside);
    Files.writeString(inside.resolve("bulk_load_info"), GOOD_INFO);
    assertThat(meta.post(START, body(TABLE, "onebox", "local_service", "/../outside")).body()).isEqualTo(NOT_FOUND);
    assertThat(meta.post(START, body(TABLE, "onebox", "local_service", "../outside")).body()).isEqualTo(NOT_FOUND);
    assertThat(meta.post(START, body(TABLE, "../../outside/onebox", "local_service", "/x")).body()).isEqualTo(NOT_FOUND);
    // even a .. that would stay inside the root
    assertThat(meta.post(START, body(TABLE, "../x/onebox", "local_service", "/x")).body()).isEqualTo(NOT_FOUND);
    assertThat(meta.post(START, body(TABLE, "onebox", "local_service", "/x\\u0000")).body()).isEqualTo(NOT_FOUND);
    assertThat(operations.bulkLoadStatus(TABLE)).isEqualTo(BulkLoadStatus.INVALID);
    // and a .. in the table's name reaches the table check first (no such table)
    assertThat(meta.post(START, body("../" + TABLE, "onebox", "local_service", "/x")).body())
        .isEqualTo(result("ERR_APP_NOT_EXIST", "app not existed is "));
    assertThat(meta.post(START, body(TABLE, "onebox", "local_service", "/x")).body()).isEqualTo(result("ERR_OK", ""));
  }

  @Test
  void aSymlinkLeadingOutOfTheRootAnswersAsAMissingFile() throws IOException {
    Path target = OUTSIDE.resolve("symlinked_bulk_load_info");
    Files.writeString(target, GOOD_INFO);
    Path link = infoFile();
    try {
      Files.createSymbolicLink(link, target);
    } catch (IOException | UnsupportedOperationException e) {
      Assumptions.abort("cannot create a symlink here: " + e);
    }
    assertThat(meta.post(START, body(TABLE, "local_service")).body()).isEqualTo(NOT_FOUND);
    // a directory symlink out of the root too
    Files.createDirectories(OUTSIDE.resolve("dir").resolve("onebox").resolve(TABLE));
    Files.writeString(OUTSIDE.resolve("dir").resolve("onebox").resolve(TABLE).resolve("bulk_load_info"), GOOD_INFO);
    Files.createSymbolicLink(ROOT.resolve("linked"), OUTSIDE.resolve("dir"));
    assertThat(meta.post(START, body(TABLE, "onebox", "local_service", "/linked")).body()).isEqualTo(NOT_FOUND);
    // one that stays inside the root is followed
    Files.delete(link);
    Path real = link.resolveSibling("real_bulk_load_info");
    Files.writeString(real, GOOD_INFO);
    Files.createSymbolicLink(link, real);
    assertThat(meta.post(START, body(TABLE, "local_service")).body()).isEqualTo(result("ERR_OK", ""));
  }

  @Test
  void aFifoAnswersAsAMissingFileWithoutBlocking() throws Exception {
    Path fifo = infoFile();
    String why;
    try {
      Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      why = p.waitFor() == 0 ? null : "mkfifo failed: " + out.strip();
    } catch (IOException e) {
      why = "mkfifo is not available: " + e.getMessage();
    }
    if (why != null) {
      System.out.println("skipping the FIFO test: " + why);
    }
    Assumptions.assumeTrue(why == null, why);
    // no writer ever opens it: reading it would block the worker forever
    String answer = assertTimeoutPreemptively(
        Duration.ofSeconds(20), () -> meta.post(START, body(TABLE, "local_service")).body());
    assertThat(answer).isEqualTo(NOT_FOUND);
    // a directory is no file either
    Files.delete(fifo);
    Files.createDirectories(fifo);
    assertThat(meta.post(START, body(TABLE, "local_service")).body()).isEqualTo(NOT_FOUND);
  }

  @Test
  void aFileLargerThan64KiBIsDamaged() throws IOException {
    int max = 64 * 1024;
    // valid JSON padded with spaces: exactly 64 KiB is read, one byte more is not
    writeInfo(GOOD_INFO + " ".repeat(max - GOOD_INFO.length() - 1) + "\n");
    assertThat(Files.size(infoFile())).isEqualTo(max);
    assertThat(meta.post(START, body(TABLE, "local_service")).body()).isEqualTo(result("ERR_OK", ""));
    operations.setBulkLoadStatus(TABLE, BulkLoadStatus.SUCCEED);
    writeInfo(GOOD_INFO + " ".repeat(max - GOOD_INFO.length()) + "\n");
    assertThat(meta.post(START, body(TABLE, "local_service")).body())
        .isEqualTo(result("ERR_CORRUPTION", "bulk_load_info damaged"));
    // a sparse multi-GB file is refused as fast, without reading it
    try (var file = FileChannel.open(infoFile(), StandardOpenOption.WRITE)) {
      file.truncate(0);
      file.write(ByteBuffer.wrap(new byte[] {' '}), 3L << 30);
    }
    assertThat(meta.post(START, body(TABLE, "local_service")).body())
        .isEqualTo(result("ERR_CORRUPTION", "bulk_load_info damaged"));
  }

  @Test
  void ofConcurrentStartsExactlyOneStartsTheLoad() throws Exception {
    writeInfo(GOOD_INFO);
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      // several rounds: the window between a check and a start is short
      for (int round = 0; round < 20; round++) {
        operations.setBulkLoadStatus(TABLE, BulkLoadStatus.INVALID);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          answers.add(pool.submit(() -> {
            go.await();
            return meta.post(START, body(TABLE, "local_service")).body();
          }));
        }
        go.countDown();
        List<String> bodies = new ArrayList<>();
        for (Future<String> a : answers) {
          bodies.add(a.get());
        }
        assertThat(bodies.stream().filter(result("ERR_OK", "")::equals).count()).isEqualTo(1);
        assertThat(bodies.stream()
                .filter(result("ERR_BUSY", "app(" + TABLE + ") is already executing bulk load")::equals)
                .count())
            .isEqualTo(n - 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void missingAndUnavailableTables() {
    // sic: upstream's misplaced placeholder
    assertThat(meta.post(START, body("nope", "local_service")).body())
        .isEqualTo(result("ERR_APP_NOT_EXIST", "app not existed is "));
    assertThat(meta.get("/meta/app/query_bulk_load?name=nope").body()).isEqualTo(status("ERR_APP_NOT_EXIST", "INVALID"));
    assertThat(meta.get("/meta/app/query_bulk_load?name=").body()).isEqualTo(status("ERR_APP_NOT_EXIST", "INVALID"));
    state.update(s -> {
      Table t = s.table(TABLE).orElseThrow();
      return s.toBuilder().table(t.withApp(t.app().withStatus(AppStatus.CREATING))).build();
    });
    assertThat(meta.post(START, body(TABLE, "local_service")).body())
        .isEqualTo(result("ERR_APP_DROPPED", "app not available is "));
    assertThat(meta.get("/meta/app/query_bulk_load?name=" + TABLE).body()).isEqualTo(status("ERR_APP_DROPPED", "INVALID"));
  }

  @Test
  void requestChecksInUpstreamsOrder() {
    // upstream's tests: "app" for "app_name", and an empty provider
    TestResponse app = meta.post(START, body(TABLE, "local_service").replace("\"app_name\"", "\"app\""));
    assertThat(app.status()).isEqualTo(400);
    assertThat(app.body()).contains("invalid request structure");
    String empty = q("{'app_name':'','cluster_name':'','file_provider_type':'','remote_root_path':''}");
    assertThat(meta.post(START, empty).body())
        .isEqualTo(envelope(400, "Bad Request", "app_name should not be empty", START));
    String e2 = empty.replace("\"app_name\":\"\"", "\"app_name\":\"t\"");
    assertThat(meta.post(START, e2).body())
        .isEqualTo(envelope(400, "Bad Request", "cluster_name should not be empty", START));
    String e3 = e2.replace("\"cluster_name\":\"\"", "\"cluster_name\":\"c\"");
    assertThat(meta.post(START, e3).body())
        .isEqualTo(envelope(400, "Bad Request", "file_provider_type should not be empty", START));
    String e4 = e3.replace("\"file_provider_type\":\"\"", "\"file_provider_type\":\"local_service\"");
    assertThat(meta.post(START, e4).body())
        .isEqualTo(envelope(400, "Bad Request", "remote_root_path should not be empty", START));
    assertThat(meta.post(START, e4 + " x").body())
        .isEqualTo(envelope(400, "Bad Request", "invalid request structure", START));
    assertThat(meta.post(START, "").body())
        .isEqualTo(envelope(400, "Bad Request", "invalid request structure", START));
  }

  @Test
  void queryWithoutNameIs400() {
    TestResponse r = meta.get("/meta/app/query_bulk_load");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body())
        .isEqualTo(envelope(400, "Bad Request", "name should not be empty", "/meta/app/query_bulk_load"));
  }

  @Test
  void bulkLoadInfoDecodesAsUpstreamsJsonHelper() {
    assertThat(BulkLoadInfo.parse(bytes("{\"app_id\":2,\"app_name\":\"t\",\"partition_count\":8}")))
        .hasValue(new BulkLoadInfo(2, "t", 8));
    // all known fields present: extra members pass
    assertThat(BulkLoadInfo.parse(bytes("{\"app_id\":2,\"app_name\":\"t\",\"partition_count\":8,\"x\":1}")))
        .hasValue(new BulkLoadInfo(2, "t", 8));
    // a subset of known fields and nothing else passes, the rest stays 0 / ""
    assertThat(BulkLoadInfo.parse(bytes("{\"app_id\":2}"))).hasValue(new BulkLoadInfo(2, "", 0));
    // a missing known field and an unknown one fail
    assertThat(BulkLoadInfo.parse(bytes("{\"app_id\":2,\"x\":1}"))).isEmpty();
    assertThat(BulkLoadInfo.parse(bytes("{\"app_id\":\"2\",\"app_name\":\"t\",\"partition_count\":8}"))).isEmpty();
    assertThat(BulkLoadInfo.parse(bytes("{\"app_id\":2.0,\"app_name\":\"t\",\"partition_count\":8}"))).isEmpty();
    assertThat(BulkLoadInfo.parse(bytes("{\"app_id\":4294967296,\"app_name\":\"t\",\"partition_count\":8}"))).isEmpty();
    assertThat(BulkLoadInfo.parse(bytes("[]"))).isEmpty();
    assertThat(BulkLoadInfo.parse(bytes(""))).isEmpty();
    assertThat(BulkLoadInfo.parse(bytes("{} {}"))).isEmpty();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
