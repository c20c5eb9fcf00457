package dev.pegasus.http.core.internal.builtin;

import dev.pegasus.http.core.CounterReading;
import dev.pegasus.http.core.PerfCounter;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import javax.inject.Inject;

/**
 * {@code /perfCounter?name=<full name>}: one counter read live, with Pegasus's semantics (a read
 * resets VOLATILE_NUMBER and RATE counters), as {@code
 * {"name":..,"value":"0.00","type":"NUMBER","description":..}\n} or with {@code p99}, {@code p999}
 * for percentiles. Send {@code #} as {@code %23}.
 *
 * <p>{@code curl 'http://127.0.0.1:34101/perfCounter?name=collector*app.pegasus*app.stat.read_qps%23_all_'}
 */
public final class PerfCounterEndpoint implements HttpEndpoint {

  private static final EndpointSpec SPEC =
      EndpointSpec.builder("/perfCounter")
          .summary("Gets the value of a perf counter.")
          .parameter(
              Parameter.string("name", "perf_counter_name")
                  .required()
                  .whenMissing("perf counter name shouldn't be empty"))
          .nonBlocking()
          .build();

  private final PerfCounters counters;

  @Inject
  PerfCounterEndpoint(PerfCounters counters) {
    this.counters = counters;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    String name = request.requiredString("name");
    PerfCounter counter =
        counters
            .find(name)
            .orElseThrow(() -> EndpointException.notFound("perf counter not found: \"" + name + "\""));
    CounterReading r = counter.read();
    TableJsonWriter json = new TableJsonWriter().beginObject().field("name", name);
    if (r.isPercentile()) {
      json.field("p99", r.p99()).field("p999", r.p999());
    } else {
      json.field("value", r.value());
    }
    return HttpResponse.json(
        json.field("type", r.type().wireName())
            .field("description", r.description())
            .endObject()
            .finish());
  }
}
