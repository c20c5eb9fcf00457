package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static dev.pegasus.http.testing.Polling.pollUntil;

import dev.pegasus.http.core.PegasusHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector's flags reach the running collector: a new interval changes when rounds run. */
final class CollectorFlagsTest {

  @TempDir Path dir;

  private static long rounds(PegasusHttpServer collector) {
    String body = get(collector, "/perfCounter?name=collector*app.pegasus*published_rounds").body();
    int start = body.indexOf("\"value\":\"") + 9;
    return (long) Double.parseDouble(body.substring(start, body.indexOf('"', start)));
  }

  @Test
  void aNewIntervalChangesWhenTheNextRoundsRunAndNoSecretShows() throws Exception {
    String secret = "collector-admin-token-0123456789";
    Path tokenIni = Files.writeString(dir.resolve("collector.ini"), "[pegasus.collector]\nmax_concurrent_requests = 4\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try (OneTableCluster cluster = new OneTableCluster()) {
      CollectorConfig config =
          CollectorConfig.builder()
              .metaServers(cluster.metaAddress())
              .interval(Duration.ofHours(1))
              .firstRoundDelay(Duration.ofHours(1))
              .build();
      try (CollectorServer collector =
          CollectorServer.start(
              config,
              server ->
                  server.host("127.0.0.1").port(0).configFile(tokenIni)
                      .configure(c -> c.adminToken(secret).accessLog(true)))) {
        PegasusHttpServer http = collector.server();
        assertThat(get(http, "/config?name=max_concurrent_requests").body()).contains("\"value\":\"4\"");
        assertThat(get(http, "/config?name=app_stat_interval_seconds").body()).contains("\"value\":\"3600\"");
        // an hour between rounds: none runs while we look
        assertThat(rounds(http)).isEqualTo(0);
        assertThat(get(http, "/updateConfig?app_stat_interval_seconds=1").body())
            .isEqualTo("{\"update_status\":\"ERR_OK\"}\n");
        assertThat(collector.collector().interval()).isEqualTo(Duration.ofSeconds(1));
        long later = pollUntil("two rounds at the new interval", Duration.ofSeconds(10), () -> rounds(http), n -> n >= 2);
        assertThat(later).isAtLeast(2);
        assertThat(get(http, "/updateConfig?request_timeout_ms=2000").body()).contains("ERR_OK");
        assertThat(get(http, "/updateConfig?max_concurrent_requests=0").body())
            .contains("ERR_INVALID_PARAMETERS: value validation failed");
        assertThat(get(http, "/config?name=admin_token").body()).contains("\"value\":\"******\"");
        for (String path : new String[] {"/configs", "/", "/config?name=admin_token"}) {
          assertThat(get(http, path).body()).doesNotContain(secret);
        }
      }
    } finally {
      System.setErr(original);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("dev.pegasus.http.audit");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(secret);
  }
}
