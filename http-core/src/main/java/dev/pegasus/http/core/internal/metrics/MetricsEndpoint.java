package dev.pegasus.http.core.internal.metrics;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpMethod;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import javax.inject.Inject;

/**
 * {@code /metrics} on every role: Pegasus master's JSON query of the metrics registry (what the Go
 * collector, the hotspot detector and the shell read) or, by content negotiation, the same
 * registry as Prometheus text or OpenMetrics (what Prometheus scrapes). The perf counters have
 * their own exposition, {@link PerfCounterMetricsEndpoint}.
 *
 * <p>POST is accepted only so that it can be refused with master's own 400 body. Every GET answer
 * says {@code Vary: Accept} (the exposition also {@code Accept-Encoding}, it may be gzipped); HEAD
 * is a GET whose body the framework drops (and which reads the volatile counters without reset).
 */
public final class MetricsEndpoint implements HttpEndpoint {

  private static final EndpointSpec SPEC =
      EndpointSpec.builder("/metrics")
          .summary(
              "[with_metric_fields=field1,field2,...][&types=type1,type2,...][&ids=id1,id2,...]"
                  + "[&attributes=attr1,value1,attr2,value2,...][&metrics=metric1,metric2,...]"
                  + "[&detail=true|false]Query the node metrics.")
          .methods(HttpMethod.GET, HttpMethod.POST)
          .acceptsBody()
          .ignoresUndeclaredParameters()
          .build();

  private final MetricsJsonQuery json;
  private final MetricsExposition exposition;

  @Inject
  MetricsEndpoint(MetricsJsonQuery json, MetricsExposition exposition) {
    this.json = json;
    this.exposition = exposition;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    if (request.method() == HttpMethod.POST) {
      // Master's own 400 for POST, whatever the Accept header says.
      return json.respond(request);
    }
    MetricsFormat format = MetricsFormat.negotiate(request);
    if (format == MetricsFormat.PEGASUS_JSON) {
      return json.respond(request).withHeader("Vary", "Accept");
    }
    return exposition.respond(request, format, MetricsExposition.Source.REGISTRY);
  }
}
