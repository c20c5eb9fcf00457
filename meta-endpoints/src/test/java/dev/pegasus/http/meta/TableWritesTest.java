package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.meta.MetaFixtures.q;
import static dev.pegasus.http.testing.Envelopes.envelope;

import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestRequest;
import dev.pegasus.http.testing.TestResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /meta/app/start_compaction} and {@code /meta/app/usage_scenario} (master reference §5.1,
 * §5.4, §5.5): upstream's order of checks and texts, the envs each writes, strict decoding, and
 * what every write operation gets from the framework (POST only, cross-site refusal, the token
 * for remote clients, one audit line per call).
 */
final class TableWritesTest {

  static final String TOKEN = "table-writes-token-0123456789";
  static final Instant NOW = Instant.parse("2026-03-13T08:00:00Z");
  static final String TABLE = "test_meta_http";
  static final String OK = "{\"error\":\"ERR_OK\",\"hint_message\":\"\"}\n";

  static final InMemoryMetaState state = new InMemoryMetaState(MetaSnapshot.empty());

  @RegisterExtension
  static final PegasusServerExtension meta =
      PegasusServerExtension.perClass(
              b -> b.role("meta")
                  .service(MetaState.class, state)
                  .service(TableOperations.class, new InMemoryTableOperations(state, Path.of("target", "no-bulk-load-root")))
                  .service(MetaLeadership.class, StaticMetaLeadership.self(MetaFixtures.PRIMARY))
                  .service(Clock.class, Clock.fixed(NOW, MetaFixtures.ZONE))
                  .configure(c -> c.accessLog(false).adminToken(TOKEN)))
          .beforeEachTest(() -> state.set(MetaFixtures.unitTestCluster()));

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureLog() {
    originalErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLog() {
    System.setErr(originalErr);
  }

  private List<String> auditLines() {
    return Arrays.stream(err.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(l -> l.contains("dev.pegasus.http.audit"))
        .toList();
  }

  static String compaction(String type, int level, String bottommost, int max, String trigger) {
    return q("{'app_name':'" + TABLE + "','type':'" + type + "','target_level':" + level
        + ",'bottommost_level_compaction':'" + bottommost + "','max_concurrent_running_count':" + max
        + ",'trigger_time':'" + trigger + "'}");
  }

  private static TestResponse compact(String body) {
    return meta.post("/meta/app/start_compaction", body);
  }

  private static Map<String, String> envs() {
    return state.snapshot().table(TABLE).orElseThrow().app().envs();
  }

  private static void assert400(TestResponse r, String message, String path) {
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).isEqualTo(envelope(400, "Bad Request", message, path));
  }

  @Test
  void onceWritesItsThreeEnvsWithTheCurrentTimeAndKeepsTheOthers() {
    TestResponse r = compact(compaction("once", -1, "skip", 0, "ignored"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.body()).isEqualTo(OK);
    assertThat(envs())
        .containsExactly(
            "manual_compact.once.bottommost_level_compaction", "skip",
            "manual_compact.once.target_level", "-1",
            "manual_compact.once.trigger_time", Long.toString(NOW.getEpochSecond()),
            "replica.slow_query_threshold", "100",
            "value_version", "1");
    assertThat(auditLines()).hasSize(1);
    assertThat(auditLines().get(0)).contains("method=POST path=/meta/app/start_compaction");
    assertThat(auditLines().get(0)).endsWith("status=200");
  }

  @Test
  void periodicWritesTheTriggerTimeVerbatimAndAPositiveMaxRunningCount() {
    assertThat(compact(compaction("periodic", 3, "force", 2, "3:00,21:00")).body()).isEqualTo(OK);
    assertThat(envs()).containsAtLeast(
        "manual_compact.periodic.target_level", "3",
        "manual_compact.periodic.bottommost_level_compaction", "force",
        "manual_compact.periodic.trigger_time", "3:00,21:00",
        "manual_compact.max_concurrent_running_count", "2");
    // 0 writes nothing: the old value stays
    assertThat(compact(compaction("periodic", 3, "force", 0, "4:00")).body()).isEqualTo(OK);
    assertThat(envs()).containsEntry("manual_compact.max_concurrent_running_count", "2");
    assertThat(envs()).containsEntry("manual_compact.periodic.trigger_time", "4:00");
  }

  @Test
  void checksInUpstreamsOrderWithItsTexts() {
    String path = "/meta/app/start_compaction";
    String allWrong = q("{'app_name':'','type':'x','target_level':-2,'bottommost_level_compaction':'x',"
        + "'max_concurrent_running_count':-1,'trigger_time':''}");
    assert400(compact(allWrong), "app_name should not be empty", path);
    assert400(compact(allWrong.replace("\"app_name\":\"\"", "\"app_name\":\"t\"")),
        "type should ony be 'once' or 'periodic'", path);
    assert400(compact(compaction("periodic", -2, "x", -1, "")), "target_level should be >= -1", path);
    assert400(compact(compaction("periodic", -1, "x", -1, "")),
        "bottommost_level_compaction should ony be 'skip' or 'force'", path);
    assert400(compact(compaction("periodic", -1, "skip", -1, "")), "max_running_count should be >= 0", path);
    assert400(compact(compaction("periodic", -1, "skip", 0, "")),
        "trigger_time should not be empty when type is periodic", path);
    assertThat(envs()).containsExactly("replica.slow_query_threshold", "100", "value_version", "1");
  }

  @Test
  void anInvalidEnvIsA200WithTheValidatorsHint() {
    TestResponse r = compact(compaction("once", 0, "skip", 0, ""));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .isEqualTo("{\"error\":\"ERR_INVALID_PARAMETERS\",\"hint_message\":\"invalid value '0', should be '-1 or >= 1'\"}\n");
    assertThat(envs()).doesNotContainKey("manual_compact.once.bottommost_level_compaction");
  }

  @Test
  void missingAndDroppingTables() {
    TestResponse missing =
        compact(compaction("once", -1, "skip", 0, "").replace(TABLE, "nope"));
    assertThat(missing.body()).isEqualTo("{\"error\":\"ERR_APP_NOT_EXIST\",\"hint_message\":\"app cannot be found\"}\n");
    state.update(s -> {
      Table t = s.table(TABLE).orElseThrow();
      return s.toBuilder().table(t.withApp(t.app().withStatus(AppStatus.DROPPING))).build();
    });
    assertThat(compact(compaction("once", -1, "skip", 0, "")).body())
        .isEqualTo("{\"error\":\"ERR_BUSY_DROPPING\",\"hint_message\":\"app is being dropped\"}\n");
  }

  @Test
  void strictDecoding() {
    String path = "/meta/app/start_compaction";
    String good = compaction("once", -1, "skip", 0, "");
    // the test of upstream: a string for an int
    assert400(compact(good.replace("\"max_concurrent_running_count\":0", "\"max_concurrent_running_count\":\"0\"")),
        "invalid request structure", path);
    assert400(compact(good.replace("\"target_level\":-1", "\"target_level\":1.0")), "invalid request structure", path);
    assert400(compact(good.replace("{", "{\"extra\":1,")), "invalid request structure", path);
    assert400(compact(good + " {}"), "invalid request structure", path);
    assert400(compact(""), "invalid request structure", path);
    assert400(compact("[]"), "invalid request structure", path);
    assert400(compact(good.replace("\"app_name\":\"" + TABLE + "\"", "\"app_name\":null")),
        "invalid request structure", path);
    // upstream accepts a missing field and reads an uninitialised int: we name it instead
    assert400(compact(good.replace(",\"target_level\":-1", "")),
        "invalid request structure: field \"target_level\" is missing", path);
    assert400(compact(good.replace(",\"trigger_time\":\"\"", "")),
        "invalid request structure: field \"trigger_time\" is missing", path);
    assertThat(auditLines()).hasSize(9);
  }

  @Test
  void usageScenario() {
    String path = "/meta/app/usage_scenario";
    TestResponse r = meta.post(path, q("{'app_name':'" + TABLE + "','scenario':'bulk_load'}"));
    assertThat(r.body()).isEqualTo(OK);
    assertThat(envs()).containsEntry("rocksdb.usage_scenario", "bulk_load");
    // upstream's test: "app" for "app_name" (upstream: exactly "invalid request structure")
    assert400(meta.post(path, q("{'app':'" + TABLE + "','scenario':'normal'}")),
        "invalid request structure: field \"app_name\" is missing", path);
    assert400(meta.post(path, q("{'app_name':'','scenario':'wrong'}")), "app_name should not be empty", path);
    assert400(meta.post(path, q("{'app_name':'" + TABLE + "','scenario':'wrong'}")),
        "scenario should ony be 'normal' or 'bulk_load'", path);
    assert400(meta.post(path, q("{'app_name':'" + TABLE + "','scenario':'prefer_write'}")),
        "scenario should ony be 'normal' or 'bulk_load'", path);
    assert400(meta.post(path, q("{'app_name':'" + TABLE + "'}")),
        "invalid request structure: field \"scenario\" is missing", path);
    assertThat(meta.post(path, q("{'app_name':'nope','scenario':'normal'}")).body())
        .isEqualTo("{\"error\":\"ERR_APP_NOT_EXIST\",\"hint_message\":\"app cannot be found\"}\n");
  }

  @Test
  void writesArePostOnly() {
    TestResponse r = meta.get("/meta/app/start_compaction");
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.header("Allow")).hasValue("POST");
  }

  @Test
  void crossSiteBrowserRequestsAreRefused() {
    String body = compaction("once", -1, "skip", 0, "");
    TestResponse site = meta.send(
        TestRequest.post("/meta/app/start_compaction", body).header("Sec-Fetch-Site", "cross-site"));
    assertThat(site.status()).isEqualTo(403);
    TestResponse origin = meta.send(
        TestRequest.post("/meta/app/usage_scenario", q("{'app_name':'" + TABLE + "','scenario':'normal'}"))
            .header("Origin", "http://evil.example"));
    assertThat(origin.status()).isEqualTo(403);
    assertThat(origin.body()).contains("refused to cross-site browser requests (Origin: http://evil.example)");
    assertThat(envs()).containsExactly("replica.slow_query_threshold", "100", "value_version", "1");
    assertThat(auditLines()).hasSize(2);
    assertThat(auditLines().get(0)).endsWith("status=403");
  }

  @Test
  void aRemoteClientNeedsTheToken() {
    String body = compaction("once", -1, "skip", 0, "");
    TestResponse refused =
        meta.call(TestRequest.post("/meta/app/start_compaction", body).from("10.0.0.7"));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(envs()).doesNotContainKey("manual_compact.once.target_level");
    TestResponse admitted =
        meta.call(
            TestRequest.post("/meta/app/start_compaction", body)
                .from("10.0.0.7")
                .header("Authorization", "Bearer " + TOKEN));
    assertThat(admitted.status()).isEqualTo(200);
    assertThat(admitted.body()).isEqualTo(OK);
    assertThat(envs()).containsEntry("manual_compact.once.target_level", "-1");
    List<String> audit = auditLines();
    assertThat(audit).hasSize(2);
    assertThat(audit.get(0)).contains("admitted=refused");
    assertThat(audit.get(1)).contains("admitted=token");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
  }

  @Test
  void theHelpPageHasUpstreamsTexts() {
    String help = meta.get("/").body();
    assertThat(help).contains("\"/envs/list\":\"List all available table environments.\"");
    assertThat(help).contains("\"/meta/app/query_bulk_load\":\"name=<app_name>. Query app bulk load info.\"");
    assertThat(help).contains("\"/meta/app/start_bulk_load\":\"A JSON format of start_bulk_load_request structure."
        + " Start bulk load on an app. [changes state; POST]\"");
    assertThat(help).contains("\"/meta/app/start_compaction\":\"A JSON format of manual_compaction_info structure."
        + " Start compaction for an app. [changes state; POST]\"");
    assertThat(help).contains("\"/meta/app/usage_scenario\":\"A JSON format of usage_scenario_info structure."
        + " Update usage scenario of an app. [changes state; POST]\"");
  }
}
