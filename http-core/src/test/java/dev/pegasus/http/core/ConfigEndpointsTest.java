package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static dev.pegasus.http.testing.Polling.pollUntil;
import static dev.pegasus.http.testing.HttpCalls.send;

import dev.pegasus.http.testing.TestResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /config}, {@code /configs} and {@code /updateConfig} as reference §3 pins them. */
final class ConfigEndpointsTest {

  static final String SECRET = "s3cret-block-service-key";
  static PegasusHttpServer server;
  static Flags flags = new Flags();
  static Flag<Long> sync;
  static Flag<Long> signed;
  static Flag<Long> big;
  static Flag<Boolean> enabled;
  static Flag<Double> ratio;
  static Flag<Long> low;
  static Flag<Long> high;
  static final List<Long> seen = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    sync =
        flags
            .uint32(
                "replication",
                "config_sync_interval_ms",
                30000,
                "The interval milliseconds of replica server to send replica config-sync requests to meta server")
            .mutable()
            .onChange(seen::add)
            .define();
    signed = flags.int32("test", "signed", 0, "A signed one").mutable().define();
    big = flags.uint64("test", "big", 0, "An unsigned long").mutable().define();
    enabled = flags.bool("test", "enabled", false, "A switch").mutable().define();
    ratio = flags.float64("test", "ratio", 5.12, "A double").mutable().validator(d -> d <= 100).define();
    flags.string("test", "name", "temp", "A string").mutable().define();
    flags.uint32("test", "fixed", 7, "Not mutable").define();
    flags.string("block_service", "access_key", SECRET, "A secret").secret().mutable().define();
    low = flags.uint32("test", "low", 1, "Must stay below high").mutable().define();
    high = flags.uint32("test", "high", 10, "Must stay above low").mutable().define();
    flags.groupValidator(
        "low_below_high",
        () -> low.get() < high.get() ? Optional.empty() : Optional.of("low must be below high"));
    server = PegasusHttpServer.builder().flags(flags).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String update(String query) {
    TestResponse r = get(server, "/updateConfig?" + query);
    assertThat(r.status()).isEqualTo(200);
    String body = r.body();
    assertThat(body).startsWith("{\"update_status\":\"");
    assertThat(body).endsWith("\"}\n");
    return body.substring(18, body.length() - 3).replace("\\\"", "\"");
  }

  @Test
  void aFlagIsTheReferencesPinnedBody() {
    String before = get(server, "/config?name=config_sync_interval_ms").body();
    assertThat(before)
        .isEqualTo(
            "{\"name\":\"config_sync_interval_ms\",\"section\":\"replication\",\"type\":\"FV_UINT32\","
                + "\"tags\":\"flag_tag::FT_MUTABLE\",\"description\":\"The interval milliseconds of replica"
                + " server to send replica config-sync requests to meta server\",\"value\":\""
                + sync.printedValue() + "\"}\n");
    assertThat(get(server, "/config?name=fixed").body()).contains("\"tags\":\"\"");
    assertThat(get(server, "/config?name=ratio").body()).contains("\"type\":\"FV_DOUBLE\"");
  }

  @Test
  void theRetirementDelayIsBoundedAndReachesTheRegistry() {
    assertThat(update("entity_retirement_delay_ms=1000")).isEqualTo("ERR_OK");
    assertThat(server.metrics().retirementDelay()).isEqualTo(java.time.Duration.ofSeconds(1));
    // 2^64-1 (a uint64, would read as -1), more than a week, a negative value
    for (String bad : new String[] {"18446744073709551615", "604800001", "9223372036855"}) {
      assertThat(update("entity_retirement_delay_ms=" + bad))
          .isEqualTo("ERR_INVALID_PARAMETERS: value validation failed");
    }
    assertThat(update("entity_retirement_delay_ms=-5")).isEqualTo("ERR_INVALID_PARAMETERS: -5 is invalid");
    assertThat(server.metrics().retirementDelay()).isEqualTo(java.time.Duration.ofSeconds(1));
    assertThat(update("entity_retirement_delay_ms=600000")).isEqualTo("ERR_OK");
  }

  @Test
  void unknownAndMissingNames() {
    TestResponse unknown = get(server, "/config?name=nope");
    assertThat(unknown.status()).isEqualTo(200);
    assertThat(unknown.body()).isEqualTo("ERR_OBJECT_NOT_FOUND: 'nope' is not found");
    assertThat(get(server, "/config").status()).isEqualTo(400);
    assertThat(get(server, "/config").body()).contains("name shouldn't be empty");
    assertThat(get(server, "/config?name=").body()).contains("name shouldn't be empty");
    assertThat(get(server, "/config?name=x&other=1").status()).isEqualTo(400);
    assertThat(get(server, "/configs?x=1").status()).isEqualTo(400);
  }

  @Test
  void configsListsEveryFlagInByteOrderWithSecretsMasked() {
    String body = get(server, "/configs").body();
    assertThat(body).startsWith("{\"access_key\":{\"name\":\"access_key\",\"section\":\"block_service\"");
    assertThat(body).endsWith("}}\n");
    assertThat(body.indexOf("\"big\":{")).isLessThan(body.indexOf("\"config_sync_interval_ms\":{"));
    assertThat(body.indexOf("\"access_log\":{")).isLessThan(body.indexOf("\"big\":{"));
    assertThat(body).contains("\"counter_snapshot_period_ms\":{\"name\":\"counter_snapshot_period_ms\",\"section\":\"pegasus.http\"");
    assertThat(body).contains("\"value\":\"******\"");
    assertThat(body).doesNotContain(SECRET);
    assertThat(get(server, "/config?name=access_key").body()).contains("\"value\":\"******\"");
  }

  @Test
  void theRulesOfUpdateConfigInOrder() {
    String exactlyOne = "ERR_INVALID_PARAMETERS: there should be exactly one config to be updated once";
    assertThat(update("")).isEqualTo(exactlyOne);
    assertThat(update("signed=1&big=2")).isEqualTo(exactlyOne);
    assertThat(update("nope=1")).isEqualTo("ERR_OBJECT_NOT_FOUND: nope is not found");
    assertThat(update("fixed=1")).isEqualTo("ERR_INVALID_PARAMETERS: fixed is not mutable");
    assertThat(update("name=x")).isEqualTo("ERR_INVALID_PARAMETERS: string modifications are not supported");
    assertThat(update("signed=abc")).isEqualTo("ERR_INVALID_PARAMETERS: abc is invalid");
    assertThat(update("signed=")).isEqualTo("ERR_INVALID_PARAMETERS:  is invalid");
    double before = ratio.get();
    assertThat(update("ratio=1000")).isEqualTo("ERR_INVALID_PARAMETERS: value validation failed");
    assertThat(ratio.get()).isEqualTo(before);
    long lowBefore = low.get();
    assertThat(update("low=20"))
        .isEqualTo("ERR_INVALID_PARAMETERS: group validator \"low_below_high\" failed: \"low must be below high\"");
    assertThat(low.get()).isEqualTo(lowBefore);
    assertThat(update("low=2")).isEqualTo("ERR_OK");
    assertThat(low.get()).isEqualTo(2);
  }

  @Test
  void integersParseAsCBaseZeroWithRangeChecks() {
    assertThat(update("signed=0x10")).isEqualTo("ERR_OK");
    assertThat(signed.get()).isEqualTo(16);
    assertThat(update("signed=010")).isEqualTo("ERR_OK");
    assertThat(signed.get()).isEqualTo(8);
    assertThat(update("signed=%20%2B5")).isEqualTo("ERR_OK");
    assertThat(signed.get()).isEqualTo(5);
    assertThat(update("signed=-2147483648")).isEqualTo("ERR_OK");
    assertThat(update("signed=2147483648")).isEqualTo("ERR_INVALID_PARAMETERS: 2147483648 is invalid");
    assertThat(update("signed=5%20")).isEqualTo("ERR_INVALID_PARAMETERS: 5  is invalid");
    assertThat(update("signed=09")).isEqualTo("ERR_INVALID_PARAMETERS: 09 is invalid");
    assertThat(update("config_sync_interval_ms=-1")).isEqualTo("ERR_INVALID_PARAMETERS: -1 is invalid");
    assertThat(update("config_sync_interval_ms=4294967296"))
        .isEqualTo("ERR_INVALID_PARAMETERS: 4294967296 is invalid");
    assertThat(update("big=18446744073709551615")).isEqualTo("ERR_OK");
    assertThat(get(server, "/config?name=big").body()).contains("\"value\":\"18446744073709551615\"");
    assertThat(update("big=18446744073709551616")).isEqualTo("ERR_INVALID_PARAMETERS: 18446744073709551616 is invalid");
  }

  @Test
  void booleansAndDoubles() {
    assertThat(update("enabled=TRUE")).isEqualTo("ERR_OK");
    assertThat(enabled.get()).isTrue();
    assertThat(update("enabled=yes")).isEqualTo("ERR_INVALID_PARAMETERS: yes is invalid");
    assertThat(update("ratio=1e1")).isEqualTo("ERR_OK");
    assertThat(get(server, "/config?name=ratio").body()).contains("\"value\":\"10.00\"");
    assertThat(update("ratio=0.001")).isEqualTo("ERR_OK");
    assertThat(get(server, "/config?name=ratio").body()).contains("\"value\":\"0.00\"");
    assertThat(update("ratio=nan")).isEqualTo("ERR_INVALID_PARAMETERS: nan is invalid");
    assertThat(update("ratio=1.5f")).isEqualTo("ERR_INVALID_PARAMETERS: 1.5f is invalid");
  }

  @Test
  void aSecretIsNeverSetOverHttpNorLogged() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(update("access_key=" + "other-value-123"))
          .isEqualTo("ERR_INVALID_PARAMETERS: access_key is a secret and cannot be set over HTTP");
      assertThat(send("POST", server.url() + "/updateConfig?access_key=posted-value-456", "").status())
          .isEqualTo(200);
    } finally {
      System.setErr(original);
    }
    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("dev.pegasus.http.audit");
    assertThat(log).contains("access_key=******");
    assertThat(log).doesNotContain("other-value-123");
    assertThat(log).doesNotContain("posted-value-456");
    assertThat(log).doesNotContain(SECRET);
  }

  @Test
  void updatesAreWritesRefusedToCrossSiteBrowsers() {
    TestResponse r =
        send("GET", server.url() + "/updateConfig?signed=3", null, "Sec-Fetch-Site", "cross-site");
    assertThat(r.status()).isEqualTo(403);
  }

  @Test
  void twoClientsUpdatingOneFlagAtOnceEachApplyWhole() throws Exception {
    seen.clear();
    int perClient = 50;
    AtomicLong failures = new AtomicLong();
    Thread[] clients = new Thread[2];
    for (int c = 0; c < 2; c++) {
      long base = c == 0 ? 1_000 : 2_000;
      clients[c] =
          new Thread(
              () -> {
                for (int i = 0; i < perClient; i++) {
                  if (!update("config_sync_interval_ms=" + (base + i)).equals("ERR_OK")) {
                    failures.incrementAndGet();
                  }
                }
              });
      clients[c].start();
    }
    for (Thread t : clients) {
      t.join(60_000);
    }
    assertThat(failures.get()).isEqualTo(0);
    assertThat(seen).hasSize(2 * perClient); // each change seen once
    assertThat(sync.get()).isEqualTo(seen.get(seen.size() - 1)); // the last applied wins
    assertThat(List.of(1_000L + perClient - 1, 2_000L + perClient - 1)).contains(sync.get());
  }

  @Test
  void aNewCounterPeriodIsUsedAtOnce() {
    try (PegasusHttpServer fresh =
        PegasusHttpServer.builder().configure(c -> c.counterPeriod(Duration.ofSeconds(30))).build().start()) {
      String first = get(fresh, "/perfCounters").header("X-Snapshot-Time").orElseThrow();
      assertThat(
              get(fresh, "/updateConfig?counter_snapshot_period_ms=200").body())
          .isEqualTo("{\"update_status\":\"ERR_OK\"}\n");
      // with the 30 s period the snapshot would not move for 30 s; with the new one it moves at once
      String later =
          pollUntil(
              "a snapshot at the new period",
              Duration.ofSeconds(5),
              () -> get(fresh, "/perfCounters").header("X-Snapshot-Time").orElseThrow(),
              t -> !t.equals(first));
      assertThat(later).isNotEqualTo(first);
    }
  }
}
