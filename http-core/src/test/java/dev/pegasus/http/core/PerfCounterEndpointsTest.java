package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;

import dev.pegasus.http.testing.TestResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /perfCounter} and {@code /perfCounters} over real sockets, bodies pinned. */
final class PerfCounterEndpointsTest {

  private PegasusHttpServer server;
  private PerfCounters counters;

  @BeforeEach
  void start() {
    server = PegasusHttpServer.builder().role("replica").port(0).build();
    counters = server.counters();
    counters.number("replica", "http", "number", "number type");
    counters.volatileNumber("replica", "http", "volatile", "volatile type");
    counters.rate("replica", "http", "rate", "rate type");
    counters.percentile("replica", "http", "percentline", "percentline type");
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void freshCountersHaveTheReferenceBodies() {
    assertThat(get(server, "/perfCounter?name=replica*http*number").body())
        .isEqualTo("{\"name\":\"replica*http*number\",\"value\":\"0.00\",\"type\":\"NUMBER\",\"description\":\"number type\"}\n");
    assertThat(get(server, "/perfCounter?name=replica*http*volatile").body())
        .isEqualTo("{\"name\":\"replica*http*volatile\",\"value\":\"0.00\",\"type\":\"VOLATILE_NUMBER\",\"description\":\"volatile type\"}\n");
    assertThat(get(server, "/perfCounter?name=replica*http*rate").body())
        .isEqualTo("{\"name\":\"replica*http*rate\",\"value\":\"0.00\",\"type\":\"RATE\",\"description\":\"rate type\"}\n");
    TestResponse p = get(server, "/perfCounter?name=replica*http*percentline");
    assertThat(p.body())
        .isEqualTo("{\"name\":\"replica*http*percentline\",\"p99\":\"0.00\",\"p999\":\"0.00\",\"type\":\"PERCENTILE\",\"description\":\"percentline type\"}\n");
    assertThat(p.status()).isEqualTo(200);
    assertThat(p.contentType()).isEqualTo("application/json");
  }

  @Test
  void valuesHaveTwoDecimals() {
    counters.number("replica", "http", "number", "").set(12345);
    assertThat(get(server, "/perfCounter?name=replica*http*number").body()).contains("\"value\":\"12345.00\"");
  }

  @Test
  void volatileNumberResetsWhenReadOverHttp() {
    counters.volatileNumber("replica", "http", "volatile", "").add(7);
    assertThat(get(server, "/perfCounter?name=replica*http*volatile").body()).contains("\"value\":\"7.00\"");
    assertThat(get(server, "/perfCounter?name=replica*http*volatile").body()).contains("\"value\":\"0.00\"");
  }

  @Test
  void rateResetsWhenReadOverHttp() {
    RateCounter rate = counters.rate("replica", "http", "rate", "");
    rate.add(1_000_000);
    String first = EndpointTestingPoll.valueAfterTenthOfSecond(server, "replica*http*rate");
    assertThat(Double.parseDouble(first)).isGreaterThan(0.0);
    rate.takeRate(); // drop whatever arrived since
    String later = EndpointTestingPoll.valueAfterTenthOfSecond(server, "replica*http*rate");
    assertThat(later).isEqualTo("0.00");
  }

  @Test
  void hashInANameIsSentAsPercent23() {
    counters.number("collector", "app.pegasus", "app.stat.read_qps#_all_", "statistic the read_qps of app _all_").set(3);
    assertThat(get(server, "/perfCounter?name=collector*app.pegasus*app.stat.read_qps%23_all_").body())
        .isEqualTo("{\"name\":\"collector*app.pegasus*app.stat.read_qps#_all_\",\"value\":\"3.00\",\"type\":\"NUMBER\","
            + "\"description\":\"statistic the read_qps of app _all_\"}\n");
  }

  @Test
  void unknownNameIs404() {
    TestResponse r = get(server, "/perfCounter?name=no*such*counter");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body())
        .isEqualTo(
            "{\"status\":404,\"error\":\"Not Found\",\"message\":\"perf counter not found:"
                + " \\\"no*such*counter\\\"\",\"path\":\"/perfCounter\"}\n");
  }

  @Test
  void missingOrEmptyNameIs400() {
    TestResponse missing = get(server, "/perfCounter");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("perf counter name shouldn't be empty");
    assertThat(get(server, "/perfCounter?name=").status()).isEqualTo(400);
    assertThat(get(server, "/perfCounter?name=x&detail").status()).isEqualTo(400);
  }

  @Test
  void bulkReadServesTheLatestSnapshotSortedAndFiltered() {
    counters.number("replica", "app.pegasus", "get_qps@1.0", "").set(4);
    counters.volatileNumber("replica", "app.pegasus", "put_qps@1.0", "").add(6);
    PercentileCounter latency = counters.percentile("replica", "app.pegasus", "get_latency@1.0", "");
    latency.record(100);
    counters.computePercentiles();
    counters.takeSnapshot();
    TestResponse r = get(server, "/perfCounters?prefix=replica*app.pegasus*");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .isEqualTo(
            "[{\"name\":\"replica*app.pegasus*get_latency@1.0\",\"type\":\"PERCENTILE\",\"p99\":100.0,\"p999\":100.0},"
                + "{\"name\":\"replica*app.pegasus*get_qps@1.0\",\"type\":\"NUMBER\",\"value\":4.0},"
                + "{\"name\":\"replica*app.pegasus*put_qps@1.0\",\"type\":\"VOLATILE_NUMBER\",\"value\":6.0}]\n");
    // scraping does not reset: a second scraper sees the same numbers
    assertThat(get(server, "/perfCounters?prefix=replica*app.pegasus*").body()).isEqualTo(r.body());
    assertThat(r.header("X-Snapshot-Time")).isPresent();
    assertThat(get(server, "/perfCounters?prefix=nothing").body()).isEqualTo("[]\n");
    assertThat(get(server, "/perfCounters").body()).contains("replica*http*number");
    assertThat(get(server, "/perfCounters?prefix=a&prefix=b").status()).isEqualTo(400);
  }
}
