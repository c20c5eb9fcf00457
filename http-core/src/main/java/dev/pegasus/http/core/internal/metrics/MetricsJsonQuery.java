package dev.pegasus.http.core.internal.metrics;

import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import javax.inject.Inject;

/**
 * Pegasus master's {@code /metrics} JSON (reference §2): the six parameters, the filters, the
 * field sets and the P-JSON body of the server's registry.
 *
 * <p>TODO(issue 11, JSON): not written yet.
 */
public final class MetricsJsonQuery {

  private final MetricRegistry registry;

  @Inject
  MetricsJsonQuery(MetricRegistry registry) {
    this.registry = registry;
  }

  /** Answers one {@code /metrics} request that negotiated JSON. */
  public HttpResponse respond(HttpRequest request) throws EndpointException {
    return HttpResponse.of(501, HttpResponse.TEXT, "not implemented yet\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
