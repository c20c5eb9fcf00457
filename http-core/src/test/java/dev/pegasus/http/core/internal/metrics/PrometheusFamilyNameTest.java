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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two master names that convert to one Prometheus name ({@code x_ms} and {@code x_ns} both become
 * {@code pegasus_x_seconds}): one family, owned by the metric met first, whose kind it keeps; the
 * other's series are left out, and every scrape is a 200.
 */
final class PrometheusFamilyNameTest {

  static final MetricPrototype WAIT_MS =
      MetricPrototype.gauge("first", "wait_ms", MetricUnit.MILLISECONDS, "Wait in ms");
  static final MetricPrototype WAIT_NS =
      MetricPrototype.gauge("second", "wait_ns", MetricUnit.NANOSECONDS, "Wait in ns");
  static final MetricPrototype DELAY_MS =
      MetricPrototype.gauge("first", "delay_ms", MetricUnit.MILLISECONDS, "Delay gauge");
  static final MetricPrototype DELAY_NS =
      MetricPrototype.counter("second", "delay_ns", MetricUnit.NANOSECONDS, "Delay counter");
  /** Both on one entity: the same labels twice in one family would be client_java's error. */
  static final MetricPrototype LAG_MS =
      MetricPrototype.gauge("first", "lag_ms", MetricUnit.MILLISECONDS, "Lag in ms");
  static final MetricPrototype LAG_NS =
      MetricPrototype.gauge("first", "lag_ns", MetricUnit.NANOSECONDS, "Lag in ns");

  /** One name and kind on two entity types whose entities have the same (no) attributes. */
  static final MetricPrototype ROUNDS_A =
      MetricPrototype.counter("alpha", "rounds", MetricUnit.ROUNDS, "Rounds");
  static final MetricPrototype ROUNDS_B =
      MetricPrototype.counter("beta", "rounds", MetricUnit.ROUNDS, "Rounds");

  static final MetricRegistry REGISTRY = new MetricRegistry();

  static {
    MetricEntity first = REGISTRY.entity("first", "first@1", ImmutableMap.of("table_id", "1"));
    MetricEntity second = REGISTRY.entity("second", "second@2", ImmutableMap.of("table_id", "2"));
    first.gauge(WAIT_MS).set(1500);
    second.gauge(WAIT_NS).set(2_000_000_000L);
    first.gauge(DELAY_MS).set(250);
    second.counter(DELAY_NS).add(7_000_000_000L);
    first.gauge(LAG_MS).set(3000);
    first.gauge(LAG_NS).set(4_000_000_000L);
    REGISTRY.entity("alpha", "alpha", ImmutableMap.of()).counter(ROUNDS_A).add(3);
    REGISTRY.entity("beta", "beta", ImmutableMap.of()).counter(ROUNDS_B).add(4);
  }

  @RegisterExtension
  static final PegasusServerExtension server =
      PegasusServerExtension.perClass(b -> b.role("replica").metrics(REGISTRY));

  private static List<String> linesOf(String family, String accept) {
    TestResponse r = server.send(TestRequest.get("/metrics").header("Accept", accept));
    assertThat(r.status()).isEqualTo(200);
    return r.body().lines().filter(l -> l.matches("(# [A-Z]+ )?" + family + "[ {_].*")).toList();
  }

  @Test
  void sameKindIsOneFamilyWithTheFirstMetricsSeries() {
    for (String accept : new String[] {"text/plain", "application/openmetrics-text"}) {
      List<String> lines = linesOf("pegasus_wait_seconds", accept);
      assertThat(lines.stream().filter(l -> l.startsWith("# TYPE"))).containsExactly("# TYPE pegasus_wait_seconds gauge");
      assertThat(lines.stream().filter(l -> !l.startsWith("#")))
          .containsExactly("pegasus_wait_seconds{cluster=\"unknown\",role=\"replica\",table_id=\"1\"} 1.5");
    }
  }

  @Test
  void anotherKindIsLeftOutOfTheFirstKindsFamily() {
    for (String accept : new String[] {"text/plain", "application/openmetrics-text"}) {
      List<String> lines = linesOf("pegasus_delay_seconds", accept);
      assertThat(lines.stream().filter(l -> l.startsWith("# TYPE"))).containsExactly("# TYPE pegasus_delay_seconds gauge");
      assertThat(lines.stream().filter(l -> !l.startsWith("#")))
          .containsExactly("pegasus_delay_seconds{cluster=\"unknown\",role=\"replica\",table_id=\"1\"} 0.25");
    }
  }

  @Test
  void bothNamesOnOneEntityKeepTheFirst() {
    assertThat(linesOf("pegasus_lag_seconds", "text/plain").stream().filter(l -> !l.startsWith("#")))
        .containsExactly("pegasus_lag_seconds{cluster=\"unknown\",role=\"replica\",table_id=\"1\"} 3.0");
  }

  @Test
  void twoEntityTypesRepeatingALabelSetKeepTheFirstSeries() {
    for (String accept : new String[] {"text/plain", "application/openmetrics-text"}) {
      assertThat(linesOf("pegasus_rounds", accept).stream().filter(l -> !l.startsWith("#")))
          .containsExactly("pegasus_rounds_total{cluster=\"unknown\",role=\"replica\"} 3.0");
    }
  }

  @Test
  void theJsonKeepsBothUnderMastersNames() {
    String body = server.get("/metrics?metrics=wait_ms,wait_ns,delay_ms,delay_ns,lag_ms,lag_ns").body();
    for (String name : new String[] {"wait_ms", "wait_ns", "delay_ms", "delay_ns", "lag_ms", "lag_ns"}) {
      assertThat(body).contains("\"name\": \"" + name + "\"");
    }
  }
}
