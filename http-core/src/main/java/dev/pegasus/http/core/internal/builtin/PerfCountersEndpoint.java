package dev.pegasus.http.core.internal.builtin;

import dev.pegasus.http.core.CounterReading;
import dev.pegasus.http.core.CounterSnapshot;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.internal.JsonText;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import java.util.List;
import javax.inject.Inject;

/**
 * {@code /perfCounters?prefix=<p>}: the counters of the latest periodic snapshot whose names start
 * with the prefix, as a JSON array sorted by name: {@code
 * [{"name":..,"type":"NUMBER","value":12.0},{"name":..,"type":"PERCENTILE","p99":..,"p999":..}]}.
 * Values are JSON numbers at full double precision, so that what a collector sums is not rounded.
 * Scraping never resets a counter; every scraper sees the same snapshot. The {@code
 * X-Snapshot-Time} header gives its time in milliseconds since the epoch.
 *
 * <p>{@code curl 'http://127.0.0.1:34801/perfCounters?prefix=replica*app.pegasus*'}
 */
public final class PerfCountersEndpoint implements HttpEndpoint {

  private static final EndpointSpec SPEC =
      EndpointSpec.builder("/perfCounters")
          .summary("Lists the counters of the latest periodic snapshot whose names start with the prefix.")
          .parameter(Parameter.string("prefix", "name_prefix"))
          .build();

  private final PerfCounters counters;

  @Inject
  PerfCountersEndpoint(PerfCounters counters) {
    this.counters = counters;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    CounterSnapshot snapshot = counters.latestSnapshot();
    List<CounterReading> readings = snapshot.withPrefix(request.string("prefix").orElse(""));
    StringBuilder out = new StringBuilder(64 + readings.size() * 96).append('[');
    for (int i = 0; i < readings.size(); i++) {
      CounterReading r = readings.get(i);
      if (i > 0) {
        out.append(',');
      }
      out.append("{\"name\":");
      JsonText.appendQuoted(out, r.name()).append(",\"type\":\"").append(r.type().wireName()).append('"');
      if (r.isPercentile()) {
        out.append(",\"p99\":").append(number(r.p99())).append(",\"p999\":").append(number(r.p999()));
      } else {
        out.append(",\"value\":").append(number(r.value()));
      }
      out.append('}');
    }
    out.append("]\n");
    return HttpResponse.json(out.toString())
        .withHeader("X-Snapshot-Time", Long.toString(snapshot.takenAt().toEpochMilli()));
  }

  /** The shortest exact decimal form; NaN and infinities, which JSON lacks, become 0. */
  private static String number(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "0.0";
  }
}
