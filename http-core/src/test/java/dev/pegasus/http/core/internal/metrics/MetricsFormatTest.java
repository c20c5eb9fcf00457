package dev.pegasus.http.core.internal.metrics;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.core.internal.metrics.MetricsFormat.OPENMETRICS;
import static dev.pegasus.http.core.internal.metrics.MetricsFormat.PEGASUS_JSON;
import static dev.pegasus.http.core.internal.metrics.MetricsFormat.PROMETHEUS_TEXT;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.spi.EndpointException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link MetricsFormat#negotiate}: what each Accept header gets. */
class MetricsFormatTest {

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // The clients: Prometheus 2.42's scrape header, curl, the Go collector (none), a browser.
        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1 | OPENMETRICS",
        "*/* | PEGASUS_JSON",
        "'' | PEGASUS_JSON",
        "'   ' | PEGASUS_JSON",
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8 | PEGASUS_JSON",
        // Prometheus 3's header (text 1.0.0 is not served; OpenMetrics wins on q).
        "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1 | OPENMETRICS",
        // Each type alone, with and without versions.
        "application/json | PEGASUS_JSON",
        "application/openmetrics-text | OPENMETRICS",
        "application/openmetrics-text;version=1.0.0 | OPENMETRICS",
        "application/openmetrics-text;version=0.0.1 | OPENMETRICS",
        "text/plain | PROMETHEUS_TEXT",
        "text/plain;version=0.0.4 | PROMETHEUS_TEXT",
        "text/plain; version=0.0.4; charset=utf-8 | PROMETHEUS_TEXT",
        // Spaces, case, quotes.
        "  TEXT/Plain ; Version = \"0.0.4\" ; Q = 0.5  | PROMETHEUS_TEXT",
        "Application/OpenMetrics-Text; VERSION=1.0.0 | OPENMETRICS",
        "application/json , text/plain;q=0.9 | PEGASUS_JSON",
        // q decides, whatever the order.
        "text/plain;q=0.5, application/openmetrics-text;q=0.6 | OPENMETRICS",
        "application/openmetrics-text;q=0.2, text/plain;q=0.3, application/json;q=0.1 | PROMETHEUS_TEXT",
        "application/json;q=0.4, text/plain | PROMETHEUS_TEXT",
        "*/*;q=0.9, text/plain;q=0.8 | PEGASUS_JSON",
        // Equal q: the more specific match, then JSON, Prometheus text, OpenMetrics.
        "*/*, text/plain | PROMETHEUS_TEXT",
        "text/plain, */* | PROMETHEUS_TEXT",
        "application/openmetrics-text, text/plain | PROMETHEUS_TEXT",
        "text/plain, application/json | PEGASUS_JSON",
        // Subtype wildcards.
        "text/* | PROMETHEUS_TEXT",
        "application/* | PEGASUS_JSON",
        "application/*;q=0.5, application/openmetrics-text | OPENMETRICS",
        // q=0 excludes; the most specific element decides a format's q.
        "text/plain;q=0, */* | PEGASUS_JSON",
        "application/json;q=0, */* | PROMETHEUS_TEXT",
        "application/json;q=0, text/plain;q=0, */* | OPENMETRICS",
        "application/openmetrics-text;q=0, application/* | PEGASUS_JSON",
        "text/plain;version=0.0.4;q=0.1, text/plain;q=1, application/json;q=0.5 | PEGASUS_JSON",
        "text/plain;q=0.9, text/plain;q=0.1, application/json;q=0.5 | PROMETHEUS_TEXT",
        "application/json;q=0.000, text/plain;q=0.001 | PROMETHEUS_TEXT",
        "application/json;q=1.000 | PEGASUS_JSON",
        // Unsupported versions match nothing, so a wildcard decides.
        "application/openmetrics-text;version=2.0.0, */*;q=0.1 | PEGASUS_JSON",
        "text/plain;version=1.0.0, text/*;q=0.5 | PROMETHEUS_TEXT",
        // Malformed elements are ignored; with none well-formed, as if there were no Accept.
        "text/plain;q=abc, application/openmetrics-text;q=0.1 | OPENMETRICS",
        "text/plain;q=2, application/openmetrics-text;q=0.1 | OPENMETRICS",
        "text/plain;q=-1, application/openmetrics-text;q=0.1 | OPENMETRICS",
        "text/plain;q=0.5555, application/openmetrics-text;q=0.1 | OPENMETRICS",
        "text/plain;q=, application/openmetrics-text;q=0.1 | OPENMETRICS",
        "text/plain;q=1.5, application/openmetrics-text;q=0.1 | OPENMETRICS",
        "text/plain;garbage, application/openmetrics-text;q=0.1 | OPENMETRICS",
        "garbage | PEGASUS_JSON",
        "text/ | PEGASUS_JSON",
        "/plain | PEGASUS_JSON",
        "*/plain | PEGASUS_JSON",
        "',,,' | PEGASUS_JSON",
        "text/plain;; | PROMETHEUS_TEXT",
      })
  void picks(String accept, MetricsFormat expected) throws EndpointException {
    assertThat(MetricsFormat.negotiate(accept)).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullSource
  void noAcceptIsJson(String accept) throws EndpointException {
    assertThat(MetricsFormat.negotiate(accept)).isEqualTo(PEGASUS_JSON);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/html",
        "text/html, application/xml;q=0.9",
        "*/*;q=0",
        "text/plain;q=0",
        "application/openmetrics-text;version=2.0.0",
        "text/plain;version=1.0.0",
        "application/json;q=0, text/plain;q=0, application/openmetrics-text;q=0",
        "image/png, garbage",
        "text/plain;version=0.0.4;q=0, text/plain;q=1",
      })
  void nothingAcceptableIs406(String accept) {
    EndpointException e = assertThrows(EndpointException.class, () -> MetricsFormat.negotiate(accept));
    assertThat(e.status()).isEqualTo(406);
    assertThat(e.getMessage()).isEqualTo(MetricsFormat.NOT_ACCEPTABLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"OPENMETRICS", "PROMETHEUS_TEXT"})
  void everyPrometheusFormatIsReachable(String name) throws EndpointException {
    MetricsFormat f = MetricsFormat.valueOf(name);
    String accept = f == OPENMETRICS ? "application/openmetrics-text" : "text/plain";
    assertThat(MetricsFormat.negotiate(accept)).isEqualTo(f);
    assertThat(MetricsFormat.negotiate(accept + ";q=0.01")).isEqualTo(f);
    assertThat(MetricsFormat.negotiate("*/*;q=0.001," + accept + ";q=0.002")).isEqualTo(f);
    assertThat(MetricsFormat.negotiate(accept + ";q=0.001,*/*;q=0.002")).isEqualTo(PEGASUS_JSON);
    assertThat(PROMETHEUS_TEXT).isNotEqualTo(OPENMETRICS);
  }
}
