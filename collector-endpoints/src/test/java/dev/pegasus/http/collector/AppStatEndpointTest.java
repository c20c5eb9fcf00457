package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Envelopes.envelope;
import static dev.pegasus.http.testing.HttpCalls.get;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.replica.ReplicaCounter;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.testing.TestResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /collector/app_stat}: the body, the filter, and its bad inputs. */
final class AppStatEndpointTest {

  private static final String PATH = "/collector/app_stat";

  private final MetaStub meta = new MetaStub();
  private PegasusHttpServer metaServer;
  private SimulatedReplica replica;
  private Collector collector;
  private PegasusHttpServer server;

  @BeforeEach
  void start() {
    metaServer = PegasusHttpServer.builder().role("meta").port(0).service(MetaStub.class, meta).build().start();
    replica = new SimulatedReplica();
    replica.host(HostedReplica.primary(new Gpid(1, 0), "temp", 0));
    replica.rate(new Gpid(1, 0), ReplicaCounter.GET_QPS, 12.5).publishSnapshot();
    meta.node(replica.address(), true).table(1, "temp", MetaStub.Partition.of(replica.address()));
    PerfCounters counters = new PerfCounters();
    collector =
        new Collector(
            CollectorConfig.builder().metaServers("127.0.0.1:" + metaServer.port()).build(),
            counters,
            Clock.fixed(Instant.parse("2020-06-04T08:07:00Z"), ZoneOffset.ofHours(8)));
    server =
        PegasusHttpServer.builder()
            .role("collector")
            .port(0)
            .counters(counters)
            .service(Collector.class, collector)
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
    collector.close();
    replica.close();
    metaServer.close();
  }

  @Test
  void beforeTheFirstRoundIs503WithRetryAfter() {
    TestResponse r = get(server, PATH);
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.header("Retry-After")).hasValue("10");
    assertThat(r.body())
        .isEqualTo(envelope(503, "Service Unavailable", "the collector has not published a round yet", PATH));
  }

  @Test
  void showsTheRoundAndEveryTableThenAll() {
    collector.runRoundNow().orElseThrow();
    TestResponse r = get(server, PATH);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    String body = r.body();
    assertThat(body).startsWith(
        "{\"round\":{\"time\":\"2020-06-04 16:07:00\",\"duration_ms\":\"");
    assertThat(body).contains(
        "\"replica_server_count\":\"1\",\"failed_replica_server_count\":\"0\",\"failed_replica_servers\":\"[]\"},"
            + "\"app_stat\":{\"temp\":{\"app_name\":\"temp\",\"app_id\":\"1\",\"partition_count\":\"1\","
            + "\"get_qps\":\"12\",\"multi_get_qps\":\"0\",");
    assertThat(body).contains(
        "\"_all_\":{\"app_name\":\"_all_\",\"app_count\":\"1\",\"partition_count\":\"1\",\"get_qps\":\"12\",");
    assertThat(body).contains("\"read_qps\":\"12\",");
    assertThat(body).endsWith("\"write_bytes\":\"0\"}}}\n");
    assertThat(body.indexOf("\"temp\":{")).isLessThan(body.indexOf("\"_all_\":{"));
  }

  @Test
  void nameSelectsOneTable() {
    collector.runRoundNow().orElseThrow();
    String body = get(server, PATH + "?name=temp").body();
    assertThat(body).contains("\"app_stat\":{\"temp\":{");
    assertThat(body).doesNotContain("_all_");
    assertThat(get(server, PATH + "?name=_all_").body()).contains("\"app_stat\":{\"_all_\":{");
  }

  @Test
  void unknownTableIs404() {
    collector.runRoundNow().orElseThrow();
    TestResponse r = get(server, PATH + "?name=nope");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body())
        .isEqualTo(envelope(404, "Not Found", "table not found in the latest round: \"nope\"", PATH));
  }

  @Test
  void emptyNameIs400() {
    collector.runRoundNow().orElseThrow();
    TestResponse r = get(server, PATH + "?name=");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).isEqualTo(envelope(400, "Bad Request", "name should not be empty", PATH));
  }

  @Test
  void unknownParameterIs400() {
    TestResponse r = get(server, PATH + "?table=temp");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("unknown parameter \\\"table\\\"");
  }

  @Test
  void repeatedNameIs400() {
    assertThat(get(server, PATH + "?name=a&name=b").status()).isEqualTo(400);
  }

  @Test
  void aServerWithoutCollectorHasNoAppStat() {
    try (PegasusHttpServer plain = PegasusHttpServer.builder().role("collector").port(0).build().start()) {
      assertThat(get(plain, PATH).status()).isEqualTo(404);
    }
  }

  @Test
  void theViewIsTheLatestPublishedRound() {
    collector.runRoundNow().orElseThrow();
    meta.noPrimary(true);
    collector.runRoundNow();
    assertThat(get(server, PATH).status()).isEqualTo(200);
    assertThat(collector.latestRound().orElseThrow().duration()).isAtLeast(Duration.ZERO);
  }
}
