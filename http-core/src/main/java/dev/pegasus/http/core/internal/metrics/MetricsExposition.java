package dev.pegasus.http.core.internal.metrics;

import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import javax.inject.Inject;

/**
 * The registry and the perf counters as Prometheus text or OpenMetrics, through the Prometheus
 * exposition library.
 *
 * <p>TODO(issue 11, exposition): not written yet.
 */
public final class MetricsExposition {

  private final MetricRegistry registry;
  private final PerfCounters counters;

  @Inject
  MetricsExposition(MetricRegistry registry, PerfCounters counters) {
    this.registry = registry;
    this.counters = counters;
  }

  /** Answers one {@code /metrics} request that negotiated a Prometheus format. */
  public HttpResponse respond(HttpRequest request, MetricsFormat format) throws EndpointException {
    return HttpResponse.of(501, HttpResponse.TEXT, "not implemented yet\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
