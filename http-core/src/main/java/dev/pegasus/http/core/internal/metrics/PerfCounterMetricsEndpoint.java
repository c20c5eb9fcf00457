package dev.pegasus.http.core.internal.metrics;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import javax.inject.Inject;

/**
 * {@code /metrics/perf_counters} on every role: the Pegasus 2.0 perf counters of the latest
 * periodic snapshot as Pegasus 2.3–2.5's Prometheus exporter named and labelled them (reference
 * §7.3), for dashboards built on such a cluster. Prometheus text 0.0.4, or OpenMetrics 1.0.0 when
 * asked; a client that accepts anything (or sends no Accept) gets Prometheus text, since the
 * counters' JSON is {@code /perfCounters}.
 *
 * <p>{@code curl http://127.0.0.1:34801/metrics/perf_counters}
 */
public final class PerfCounterMetricsEndpoint implements HttpEndpoint {

  private static final EndpointSpec SPEC =
      EndpointSpec.builder("/metrics/perf_counters")
          .summary(
              "The perf counters of the latest snapshot in Prometheus text (or OpenMetrics), under"
                  + " the names and labels of Pegasus 2.5's Prometheus exporter.")
          .build();

  private final MetricsExposition exposition;

  @Inject
  PerfCounterMetricsEndpoint(MetricsExposition exposition) {
    this.exposition = exposition;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    MetricsFormat format = MetricsFormat.negotiate(request);
    if (format == MetricsFormat.PEGASUS_JSON) {
      format = MetricsFormat.PROMETHEUS_TEXT;
    }
    return exposition.respond(request, format, MetricsExposition.Source.PERF_COUNTERS);
  }
}
