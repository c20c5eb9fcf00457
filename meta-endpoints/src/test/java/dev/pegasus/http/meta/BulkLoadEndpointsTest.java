package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.meta.MetaFixtures.q;
import static dev.pegasus.http.testing.Envelopes.envelope;

import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /meta/app/start_bulk_load} and {@code /meta/app/query_bulk_load} (master reference §5.2,
 * §5.3) over {@link InMemoryTableOperations}, with real {@code bulk_load_info} files.
 */
final class BulkLoadEndpointsTest {

  static final String TABLE = "test_meta_http";
  static final String START = "/meta/app/start_bulk_load";

  static final InMemoryMetaState state = new InMemoryMetaState(MetaSnapshot.empty());
  static InMemoryTableOperations operations = new InMemoryTableOperations(state);

  @RegisterExtension
  static final PegasusServerExtension meta =
      PegasusServerExtension.perClass(
              b -> {
                MetaFixtures.meta(state, StaticMetaLeadership.self(MetaFixtures.PRIMARY)).accept(b);
                b.service(TableOperations.class, operations);
              })
          .beforeEachTest(() -> state.set(MetaFixtures.unitTestCluster()));

  @TempDir Path root;

  @BeforeEach
  void forgetBulkLoads() {
    operations.setBulkLoadStatus(TABLE, BulkLoadStatus.INVALID);
  }

  private void writeInfo(String json) throws IOException {
    Path dir = root.resolve("onebox").resolve(TABLE);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("bulk_load_info"), json, StandardCharsets.UTF_8);
  }

  private String body(String table, String provider) {
    return q("{'app_name':'" + table + "','cluster_name':'onebox','file_provider_type':'" + provider
        + "','remote_root_path':'" + root + "'}");
  }

  private static String result(String error, String hint) {
    return "{\"error\":\"" + error + "\",\"hint_msg\":\"" + hint + "\"}\n";
  }

  private static String status(String error, String bls) {
    return "{\"error\":\"" + error + "\",\"app_status\":\"replication::bulk_load_status::BLS_" + bls + "\"}\n";
  }

  @Test
  void aGoodFileStartsTheLoad() throws IOException {
    writeInfo("{\"app_id\":2,\"app_name\":\"" + TABLE + "\",\"partition_count\":8}");
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
    assertThat(meta.post(START, body(TABLE, "local_service")).body())
        .isEqualTo(result("ERR_OBJECT_NOT_FOUND", "read bulk_load_info failed"));
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
