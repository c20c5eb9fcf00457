package dev.pegasus.http.core.internal.metrics;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.metrics.MetricUnit;
import dev.pegasus.http.core.metrics.Percentile;
import dev.pegasus.http.core.metrics.Quantile;
import dev.pegasus.http.core.metrics.VolatileCounter;
import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.TestResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} as Prometheus text and OpenMetrics over real sockets: golden bodies of a small
 * registry and a few perf counters, negotiation, gzip, HEAD, {@code promtool check metrics}.
 */
class MetricsExpositionTest {

  static final MetricPrototype GET_REQUESTS =
      MetricPrototype.counter("replica", "get_requests", MetricUnit.REQUESTS, "The number of GET requests");
  static final MetricPrototype SST_MB =
      MetricPrototype.gauge("replica", "rdb_total_sst_size_mb", MetricUnit.MEGABYTES, "The total size of sst files");
  static final MetricPrototype RECENT =
      MetricPrototype.volatileCounter("replica", "recent_requests", MetricUnit.REQUESTS, "Recent \"requests\"\nsince a read");
  static final MetricPrototype GET_LATENCY =
      MetricPrototype.percentile(
          "replica", "get_latency_ns", MetricUnit.NANOSECONDS, "The latency of GET requests",
          EnumSet.of(Quantile.P50, Quantile.P99, Quantile.P999));
  static final MetricPrototype TABLE_GETS =
      MetricPrototype.counter("table", "get_requests", MetricUnit.REQUESTS, "The number of GET requests");
  /** Same name as the replica counter, another kind: the first kind seen keeps the family. */
  static final MetricPrototype DISK_GETS =
      MetricPrototype.gauge("disk", "get_requests", MetricUnit.REQUESTS, "clash");

  static final MetricPrototype DISK_TOTAL =
      MetricPrototype.gauge("disk", "disk_capacity_total_mb", MetricUnit.MEGABYTES, "The total disk capacity");

  static final Set<String> FAMILIES =
      Set.of(
          "pegasus_get_requests",
          "pegasus_rdb_total_sst_size_bytes",
          "pegasus_recent_requests",
          "pegasus_get_latency_seconds",
          "replica_app_pegasus_get_qps",
          "replica_app_pegasus_get_latency",
          "replica_app_pegasus_get_latencyp999",
          "replica_eon_replica_backup_request_qps");

  static PegasusHttpServer server;
  static VolatileCounter recent;

  @BeforeAll
  static void start() {
    server =
        PegasusHttpServer.builder()
            .role("replica")
            // No periodic snapshot during the tests: the one taken below is what they read.
            .configure(c -> c.clusterName("onebox").counterPeriod(java.time.Duration.ofHours(1)))
            .port(0)
            .build();
    MetricRegistry registry = server.metrics();
    MetricEntity replica =
        registry.entity("replica", "replica@2.3", ImmutableMap.of("table_id", "2", "partition_id", "3"));
    MetricEntity other =
        registry.entity("replica", "replica@2.1", ImmutableMap.of("table_id", "2", "partition_id", "1"));
    MetricEntity table = registry.entity("table", "table@2", ImmutableMap.of("table_id", "2"));
    MetricEntity disk =
        registry.entity("disk", "disk@ssd1", ImmutableMap.of("tag", "ssd1", "data-dir", "/d1", "role", "x"));
    replica.counter(GET_REQUESTS).add(7);
    other.counter(GET_REQUESTS).add(1);
    table.counter(TABLE_GETS).add(8);
    disk.gauge(DISK_GETS).set(99);
    disk.gauge(DISK_TOTAL).set(1000);
    replica.gauge(SST_MB).set(12);
    recent = replica.volatileCounter(RECENT);
    recent.add(5);
    Percentile latency = replica.percentile(GET_LATENCY);
    for (int i = 1; i <= 1000; i++) {
      latency.record(i * 1000L);
    }
    latency.compute();

    PerfCounters counters = server.counters();
    counters.number("replica", "app.pegasus", "get_qps@2.3", "get qps of 2.3").set(4);
    counters.number("replica", "app.pegasus", "get_qps@2.1", "get qps of 2.1").set(2);
    counters.number("replica", "eon.replica", "backup_request_qps@temp", "backup qps").set(1);
    counters.number("replica", "app.pegasus", "recent.read-cu@2.3", "invalid name").set(3);
    counters.volatileNumber("replica", "eon.replica", "recent_flushes", "flushes").add(6);
    counters.number("replica", "app.pegasus", "get_qps@1.2.3.4", "upstream aborts").set(3);
    var p = counters.percentile("replica", "app.pegasus", "get_latency@2.3", "get latency");
    for (int i = 1; i <= 1000; i++) {
      p.record(i);
    }
    server.start(); // computes the percentiles and takes the snapshot the scrapes read
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TestResponse get(String... headers) {
    return HttpCalls.send("GET", server.url() + "/metrics", null, headers);
  }

  private static TestResponse getPerfCounters(String... headers) {
    return HttpCalls.send("GET", server.url() + "/metrics/perf_counters", null, headers);
  }

  /** The lines of the families under test (the server also has JVM metrics and built-in counters). */
  private static String ofTestFamilies(String body) {
    return body.lines()
        .filter(line -> FAMILIES.contains(familyOf(line)))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static String familyOf(String line) {
    String name;
    if (line.startsWith("# ")) {
      String[] parts = line.split(" ", 4);
      name = parts.length > 2 ? parts[2] : "";
    } else {
      int end = line.indexOf('{');
      name = end < 0 ? line.split(" ")[0] : line.substring(0, end);
    }
    return FAMILIES.contains(name) ? name : name.replaceAll("_total$", "");
  }

  /** The exporter's labels of a series of app {@code app} (sorted by name, as the library writes them). */
  private static String legacyLabels(String app, String partition) {
    return "{app=\"" + app + "\",cluster=\"onebox\",host_name=\"" + HostName.get()
        + "\",partition=\"" + partition + "\",pegasus_job=\"replica\",port=\"" + server.port()
        + "\",service=\"pegasus\"}";
  }

  private String prometheusGolden() {
    return String.join(
        "\n",
        "# HELP pegasus_get_latency_seconds The latency of GET requests",
        "# TYPE pegasus_get_latency_seconds summary",
        "pegasus_get_latency_seconds{cluster=\"onebox\",partition_id=\"3\",role=\"replica\",table_id=\"2\",quantile=\"0.5\"} 5.01E-4",
        "pegasus_get_latency_seconds{cluster=\"onebox\",partition_id=\"3\",role=\"replica\",table_id=\"2\",quantile=\"0.99\"} 9.91E-4",
        "pegasus_get_latency_seconds{cluster=\"onebox\",partition_id=\"3\",role=\"replica\",table_id=\"2\",quantile=\"0.999\"} 0.001",
        "# HELP pegasus_get_requests_total The number of GET requests",
        "# TYPE pegasus_get_requests_total counter",
        "pegasus_get_requests_total{cluster=\"onebox\",partition_id=\"1\",role=\"replica\",table_id=\"2\"} 1.0",
        "pegasus_get_requests_total{cluster=\"onebox\",partition_id=\"3\",role=\"replica\",table_id=\"2\"} 7.0",
        "pegasus_get_requests_total{cluster=\"onebox\",role=\"replica\",table_id=\"2\"} 8.0",
        "# HELP pegasus_rdb_total_sst_size_bytes The total size of sst files",
        "# TYPE pegasus_rdb_total_sst_size_bytes gauge",
        "pegasus_rdb_total_sst_size_bytes{cluster=\"onebox\",partition_id=\"3\",role=\"replica\",table_id=\"2\"} 1.2582912E7",
        "# HELP pegasus_recent_requests Recent \"requests\"\\nsince a read",
        "# TYPE pegasus_recent_requests gauge",
        "pegasus_recent_requests{cluster=\"onebox\",partition_id=\"3\",role=\"replica\",table_id=\"2\"} 5.0",
        "");
  }

  private String perfCountersGolden() {
    return String.join(
        "\n",
        "# HELP replica_app_pegasus_get_latency get latency",
        "# TYPE replica_app_pegasus_get_latency gauge",
        "replica_app_pegasus_get_latency" + legacyLabels("2", "3") + " 991.0",
        "# HELP replica_app_pegasus_get_latencyp999 get latency",
        "# TYPE replica_app_pegasus_get_latencyp999 gauge",
        "replica_app_pegasus_get_latencyp999" + legacyLabels("2", "3") + " 1000.0",
        "# HELP replica_app_pegasus_get_qps get qps of 2.1",
        "# TYPE replica_app_pegasus_get_qps gauge",
        "replica_app_pegasus_get_qps" + legacyLabels("2", "1") + " 2.0",
        "replica_app_pegasus_get_qps" + legacyLabels("2", "3") + " 4.0",
        "# HELP replica_eon_replica_backup_request_qps backup qps",
        "# TYPE replica_eon_replica_backup_request_qps gauge",
        "replica_eon_replica_backup_request_qps" + legacyLabels("temp", "") + " 1.0",
        "");
  }

  @Test
  void prometheusTextGolden() {
    TestResponse r = get("Accept", "text/plain;version=0.0.4");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(r.header("Vary")).hasValue("Accept, Accept-Encoding");
    assertThat(r.header("Content-Encoding")).isEmpty();
    assertThat(ofTestFamilies(r.body())).isEqualTo(prometheusGolden());
  }

  @Test
  void openMetricsGoldenForPrometheusItsOwnHeader() {
    TestResponse r =
        get(
            "Accept",
            "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/openmetrics-text; version=1.0.0; charset=utf-8");
    assertThat(r.body()).endsWith("\n# EOF\n");
    assertThat(ofTestFamilies(r.body()))
        .isEqualTo(
            String.join(
                "\n",
                "# TYPE pegasus_get_latency_seconds summary",
                "# HELP pegasus_get_latency_seconds The latency of GET requests",
                "pegasus_get_latency_seconds{cluster=\"onebox\",partition_id=\"3\",role=\"replica\",table_id=\"2\",quantile=\"0.5\"} 5.01E-4",
                "pegasus_get_latency_seconds{cluster=\"onebox\",partition_id=\"3\",role=\"replica\",table_id=\"2\",quantile=\"0.99\"} 9.91E-4",
                "pegasus_get_latency_seconds{cluster=\"onebox\",partition_id=\"3\",role=\"replica\",table_id=\"2\",quantile=\"0.999\"} 0.001",
                "# TYPE pegasus_get_requests counter",
                "# HELP pegasus_get_requests The number of GET requests",
                "pegasus_get_requests_total{cluster=\"onebox\",partition_id=\"1\",role=\"replica\",table_id=\"2\"} 1.0",
                "pegasus_get_requests_total{cluster=\"onebox\",partition_id=\"3\",role=\"replica\",table_id=\"2\"} 7.0",
                "pegasus_get_requests_total{cluster=\"onebox\",role=\"replica\",table_id=\"2\"} 8.0",
                "# TYPE pegasus_rdb_total_sst_size_bytes gauge",
                "# HELP pegasus_rdb_total_sst_size_bytes The total size of sst files",
                "pegasus_rdb_total_sst_size_bytes{cluster=\"onebox\",partition_id=\"3\",role=\"replica\",table_id=\"2\"} 1.2582912E7",
                "# TYPE pegasus_recent_requests gauge",
                "# HELP pegasus_recent_requests Recent \\\"requests\\\"\\nsince a read",
                "pegasus_recent_requests{cluster=\"onebox\",partition_id=\"3\",role=\"replica\",table_id=\"2\"} 5.0",
                ""));
  }

  @Test
  void leftOutAndSanitisedNames() {
    String perfCounters = getPerfCounters().body();
    // Invalid upstream names and names upstream aborts on are left out.
    assertThat(perfCounters).doesNotContain("read-cu");
    assertThat(perfCounters).doesNotContain("read_cu");
    assertThat(perfCounters).doesNotContain("@1.2.3.4");
    String body = get("Accept", "text/plain").body();
    // The disk entity: data-dir becomes data_dir; its own "role" attribute yields to the server's.
    assertThat(body).contains("cluster=\"onebox\",data_dir=\"/d1\",role=\"replica\",tag=\"ssd1\"");
    // The disk gauge named like the replica counter is left out of the counter family.
    assertThat(body).doesNotContain(" 99.0");
    // The server entity's JVM metrics are there too.
    assertThat(body).containsMatch("\npegasus_jvm_threads\\{cluster=\"onebox\",role=\"replica\"} [0-9.]+\n");
  }

  @Test
  void aScrapeResetsNothing() {
    get("Accept", "text/plain");
    get("Accept", "application/openmetrics-text");
    assertThat(get("Accept", "text/plain").body()).contains("table_id=\"2\"} 5.0\n");
    assertThat(recent.peek()).isEqualTo(5);
  }

  @Test
  void perfCountersGoldenOnTheirOwnPath() {
    TestResponse r = getPerfCounters();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(ofTestFamilies(r.body())).isEqualTo(perfCountersGolden());
    assertThat(getPerfCounters("Accept", "*/*").contentType()).startsWith("text/plain; version=0.0.4");
    TestResponse open = getPerfCounters("Accept", "application/openmetrics-text");
    assertThat(open.contentType()).isEqualTo("application/openmetrics-text; version=1.0.0; charset=utf-8");
    assertThat(open.body()).contains("# TYPE replica_app_pegasus_get_qps gauge\n");
    assertThat(open.body()).endsWith("\n# EOF\n");
    assertThat(getPerfCounters("Accept", "text/html").status()).isEqualTo(406);
    // and the registry's body has none of them
    assertThat(get("Accept", "text/plain").body()).doesNotContain("replica_app_pegasus_");
  }

  @Test
  void perfCountersComeFromTheLatestSnapshotAndAreNotReset() {
    String series = "replica_eon_replica_recent_flushes" + legacyLabels("", "") + " 6.0\n";
    assertThat(getPerfCounters().body()).contains(series);
    assertThat(getPerfCounters().body()).contains(series);
    // A live reader still gets its own 6: the scrapes took nothing from it.
    assertThat(HttpCalls.get(server, "/perfCounter?name=replica*eon.replica*recent_flushes").body())
        .contains("\"value\":\"6.00\"");
  }

  @Test
  void curlNoAcceptAndJsonStayJson() {
    for (String[] headers :
        List.of(new String[] {"Accept", "*/*"}, new String[0], new String[] {"Accept", "application/json"},
            new String[] {"Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})) {
      // Only the server entity: a JSON read of every metric would reset the volatile counter
      // the other tests read.
      TestResponse r = HttpCalls.send("GET", server.url() + "/metrics?types=server", null, headers);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).contains("\"entities\": [");
      assertThat(r.contentType()).doesNotContain("version=");
      assertThat(r.body()).doesNotContain("# TYPE");
      assertThat(r.header("Vary")).hasValue("Accept");
    }
  }

  @Test
  void nothingAcceptableIs406WithTheReason() {
    TestResponse r = get("Accept", "text/html");
    assertThat(r.status()).isEqualTo(406);
    assertThat(r.body()).contains(MetricsFormat.NOT_ACCEPTABLE);
    assertThat(r.header("Vary")).hasValue("Accept");
  }

  @Test
  void postIsNotScraped() {
    TestResponse r = HttpCalls.send("POST", server.url() + "/metrics", "", "Accept", "text/plain");
    assertThat(r.status()).isAtLeast(400);
    assertThat(r.body()).doesNotContain("# TYPE");
  }

  @Test
  void gzipWhenAsked() throws IOException {
    for (String accept : List.of("text/plain", "application/openmetrics-text")) {
      TestResponse r = get("Accept", accept, "Accept-Encoding", "gzip");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Content-Encoding")).hasValue("gzip");
      assertThat(r.header("Vary")).hasValue("Accept, Accept-Encoding");
      String decoded;
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.bytes()))) {
        decoded = new String(in.readAllBytes(), UTF_8);
      }
      String plain = get("Accept", accept).body();
      assertThat(ofTestFamilies(decoded)).isEqualTo(ofTestFamilies(plain));
      assertThat(decoded.lines().count()).isEqualTo(plain.lines().count());
      assertThat(r.bytes().length).isLessThan(plain.length() / 2);
    }
    assertThat(get("Accept", "text/plain", "Accept-Encoding", "gzip;q=0").header("Content-Encoding")).isEmpty();
  }

  @Test
  void headHasTheHeadersAndNoBody() {
    for (String encoding : List.of("identity", "gzip")) {
      TestResponse r =
          HttpCalls.send("HEAD", server.url() + "/metrics", null, "Accept", "text/plain", "Accept-Encoding", encoding);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.bytes()).isEmpty();
      assertThat(r.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
      assertThat(r.header("Vary")).hasValue("Accept, Accept-Encoding");
      assertThat(Long.parseLong(r.header("Content-Length").orElseThrow())).isGreaterThan(500L);
      assertThat(r.header("Content-Encoding").isPresent()).isEqualTo(encoding.equals("gzip"));
    }
  }

  @Test
  void promtoolFindsNothingToSay() throws Exception {
    Path promtool = Path.of("/usr/bin/promtool");
    Assumptions.assumeTrue(
        Files.isExecutable(promtool),
        "skipped: promtool is not installed at /usr/bin/promtool (Debian package prometheus)");
    String body = get("Accept", "text/plain").body();
    Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(body.getBytes(UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // Clean: time and size metrics are exported in base units (_seconds, _bytes).
    assertThat(out).isEmpty();
    assertThat(p.exitValue()).isEqualTo(0);
  }
}
