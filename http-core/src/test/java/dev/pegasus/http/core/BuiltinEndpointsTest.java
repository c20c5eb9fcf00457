package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static dev.pegasus.http.testing.HttpCalls.send;

import dev.pegasus.http.testing.TestResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The root help page, {@code /version} and {@code /recentStartTime} with only the built-ins. */
final class BuiltinEndpointsTest {

  static PegasusHttpServer server;

  @BeforeAll
  static void start() {
    server =
        PegasusHttpServer.builder()
            .role("meta")
            .port(0)
            .service(Clock.class, Clock.fixed(Instant.parse("2019-08-13T16:22:00Z"), ZoneId.of("Asia/Shanghai")))
            .configure(c -> c.buildInfo(new BuildInfo("2.0.0", "5d969e89c0ffee")))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void helpPageListsEveryEndpointInPathOrder() {
    TestResponse r = get(server, "/");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.body())
        .isEqualTo(
            "{\"/\":\"List all supported calls.\","
                + "\"/config\":\"name=<config_name>. Gets the details of a specified config. Only the"
                + " configs which are registered by DSN_DEFINE_xxx macro can be queried.\","
                + "\"/configs\":\"List all configs. Only the configs which are registered by"
                + " DSN_DEFINE_xxx macro can be queried.\","
                + "\"/metrics\":\"[with_metric_fields=field1,field2,...][&types=type1,type2,...]"
                + "[&ids=id1,id2,...][&attributes=attr1,value1,attr2,value2,...][&metrics=metric1,metric2,...]"
                + "[&detail=true|false]Query the node metrics.\","
                + "\"/metrics/perf_counters\":\"The perf counters of the latest snapshot in Prometheus text (or"
                + " OpenMetrics), under the names and labels of Pegasus 2.5's Prometheus exporter.\","
                + "\"/perfCounter\":\"name=<perf_counter_name>. Gets the value of a perf counter.\","
                + "\"/perfCounters\":\"[prefix=<name_prefix>]. Lists the counters of the latest periodic"
                + " snapshot whose names start with the prefix.\","
                + "\"/recentStartTime\":\"Gets the server start time.\","
                + "\"/updateConfig\":\"<key>=<new_value>. Update the config to the new value."
                + " [changes state; GET/POST]\","
                + "\"/version\":\"Gets the server version.\"}\n");
  }

  @Test
  void helpVersionAndStartTimeIgnoreQueryParametersAsPegasusDoes() {
    assertThat(get(server, "//").status()).isEqualTo(200);
    assertThat(get(server, "/?x=1").status()).isEqualTo(200);
    assertThat(get(server, "/version?nocache=123").body()).startsWith("{\"Version\"");
    assertThat(get(server, "/recentStartTime?detail").status()).isEqualTo(200);
    assertThat(get(server, "/perfCounter?name=x&nocache=1").status()).isEqualTo(400);
    assertThat(get(server, "/version?a=1&a=2").status()).isEqualTo(400); // repeated: still a 400
  }

  @Test
  void browsersGetHtmlWithLinks() {
    TestResponse r = send("GET", server.url() + "/", null, "Accept", "text/html,application/xhtml+xml");
    assertThat(r.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(r.body()).contains("<a href=\"/perfCounter\">/perfCounter</a>");
    assertThat(r.body()).contains("name=&lt;perf_counter_name&gt;. Gets the value of a perf counter.");
  }

  @Test
  void versionComesFromTheBuildInfo() {
    TestResponse r = get(server, "/version");
    assertThat(r.body()).isEqualTo("{\"Version\":\"2.0.0\",\"GitCommit\":\"5d969e89c0ffee\"}\n");
    assertThat(r.header("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void frameworkBuildInfoIsFilledByTheBuild() {
    BuildInfo info = BuildInfo.framework();
    assertThat(info.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    // built from a git checkout: the commit; from a source tree without .git: empty
    boolean inGitCheckout = java.nio.file.Files.exists(java.nio.file.Path.of("..", ".git"));
    assertThat(info.gitCommit()).matches(inGitCheckout ? "[0-9a-f]{40}" : "");
  }

  @Test
  void recentStartTimeIsLocalTimeWithoutMillis() {
    assertThat(get(server, "/recentStartTime").body())
        .isEqualTo("{\"RecentStartTime\":\"2019-08-14 00:22:00\"}\n");
  }

  @Test
  void recentStartTimeFormatWithTheRealClock() {
    try (PegasusHttpServer real = PegasusHttpServer.builder().port(0).build().start()) {
      assertThat(get(real, "/recentStartTime").body())
          .matches("\\{\"RecentStartTime\":\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\"\\}\n");
    }
  }
}
