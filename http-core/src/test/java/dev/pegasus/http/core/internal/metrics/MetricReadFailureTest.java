package dev.pegasus.http.core.internal.metrics;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.metrics.MetricUnit;
import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestRequest;
import dev.pegasus.http.testing.TestResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A callback metric whose read throws (host code behind a gauge or counter) is left out of
 * {@code /metrics}, JSON and Prometheus alike, and logged once; everything else is served with 200.
 */
final class MetricReadFailureTest {

  static final MetricPrototype GOOD =
      MetricPrototype.counter("failing", "good_requests", MetricUnit.REQUESTS, "Served");
  static final MetricPrototype BROKEN_GAUGE =
      MetricPrototype.gauge("failing", "broken_gauge_replicas", MetricUnit.REPLICAS, "Throws");
  static final MetricPrototype BROKEN_COUNTER =
      MetricPrototype.counter("failing", "broken_counter_requests", MetricUnit.REQUESTS, "Throws");

  static final MetricRegistry REGISTRY = new MetricRegistry();

  static {
    MetricEntity both = REGISTRY.entity("failing", "failing@1", ImmutableMap.of("table_id", "1"));
    both.gauge(BROKEN_GAUGE, MetricReadFailureTest::fail);
    both.counter(GOOD).add(3);
    both.counter(BROKEN_COUNTER, MetricReadFailureTest::fail);
    // Only a broken metric: nothing left to emit.
    REGISTRY.entity("failing", "failing@2", ImmutableMap.of("table_id", "2")).gauge(BROKEN_GAUGE, MetricReadFailureTest::fail);
  }

  private static long fail() {
    throw new IllegalStateException("host state is gone");
  }

  @RegisterExtension
  static final PegasusServerExtension server =
      PegasusServerExtension.perClass(b -> b.role("replica").metrics(REGISTRY));

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

  private long warningsAbout(String metric) {
    return Arrays.stream(err.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(l -> l.contains("WARN") && l.contains("reading metric failing/" + metric + " failed"))
        .count();
  }

  @Test
  void jsonLeavesOutTheBrokenMetricsAndServesTheRest() {
    TestResponse r = server.get("/metrics?types=failing");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains(
            """
                    "entities": [
                        {
                            "type": "failing",
                            "id": "failing@1",
                            "attributes": {
                                "table_id": "1"
                            },
                            "metrics": [
                                {
                                    "name": "good_requests",
                                    "value": 3
                                }
                            ]
                        }
                    ]
                """);
    // The server entity's metrics are still there in an unfiltered body.
    TestResponse all = server.get("/metrics");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body()).contains("\"good_requests\"");
    assertThat(all.body()).doesNotContain("broken_");
  }

  @Test
  void prometheusLeavesOutTheBrokenMetricsAndServesTheRest() {
    for (String accept : new String[] {"text/plain", "application/openmetrics-text"}) {
      TestResponse r = server.send(TestRequest.get("/metrics").header("Accept", accept));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).contains("pegasus_good_requests_total{cluster=\"unknown\",role=\"replica\",table_id=\"1\"} 3.0");
      assertThat(r.body()).doesNotContain("broken_");
      assertThat(r.body()).contains("pegasus_jvm_threads");
    }
  }

  @Test
  void eachBrokenMetricIsLoggedOnceHoweverOftenItFails() {
    // A prototype of its own: no other test has read (and logged) it.
    MetricPrototype once = MetricPrototype.gauge("failing", "broken_once_replicas", MetricUnit.REPLICAS, "Throws");
    REGISTRY.entity("failing", "failing@3", ImmutableMap.of("table_id", "3")).gauge(once, MetricReadFailureTest::fail);
    REGISTRY.entity("failing", "failing@4", ImmutableMap.of("table_id", "4")).gauge(once, MetricReadFailureTest::fail);
    for (int i = 0; i < 3; i++) {
      assertThat(server.get("/metrics").status()).isEqualTo(200);
      assertThat(server.send(TestRequest.get("/metrics").header("Accept", "text/plain")).status()).isEqualTo(200);
    }
    assertThat(warningsAbout("broken_once_replicas")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("host state is gone");
  }
}
