package dev.pegasus.http.core.internal.builtin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pegasus.http.core.CounterReading;
import dev.pegasus.http.core.CounterSnapshot;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.internal.Json;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    Json.Body out = new Json.Body(64 + readings.size() * 96);
    JsonGenerator json = Json.generator(out);
    try {
      json.writeStartArray();
      for (int i = 0, n = readings.size(); i < n; i++) {
        CounterReading r = readings.get(i);
        json.writeStartObject();
        json.writeStringField("name", r.name());
        json.writeStringField("type", r.type().wireName());
        if (r.isPercentile()) {
          json.writeNumberField("p99", finite(r.p99()));
          json.writeNumberField("p999", finite(r.p999()));
        } else {
          json.writeNumberField("value", finite(r.value()));
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HttpResponse.of(200, HttpResponse.JSON, Json.finish(json, out, '\n'))
        .withHeader("X-Snapshot-Time", Long.toString(snapshot.takenAt().toEpochMilli()));
  }

  /**
   * NaN and infinities, which JSON lacks, become 0; a finite value is written as {@link
   * Double#toString} writes it, the shortest exact decimal form.
   */
  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0.0;
  }
}
