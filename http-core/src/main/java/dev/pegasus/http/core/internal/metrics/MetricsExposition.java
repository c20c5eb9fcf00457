package dev.pegasus.http.core.internal.metrics;

import dev.pegasus.http.core.CounterSnapshot;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.internal.CoreFlags;
import dev.pegasus.http.core.internal.ServerRuntime;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Provider;

/**
 * The registry and the perf counters as Prometheus text 0.0.4 or OpenMetrics 1.0.0, written by
 * the Prometheus exposition library from snapshots built of both (see {@link
 * PrometheusRegistrySnapshots} and {@link LegacyCounterSnapshots} for the names). Nothing is
 * reset by a scrape. Gzip when the client accepts it. The {@code /metrics} query parameters
 * filter the JSON only; a scrape always gets everything.
 */
public final class MetricsExposition {

  private static final ExpositionFormatWriter PROMETHEUS = PrometheusTextFormatWriter.create();
  private static final ExpositionFormatWriter OPENMETRICS = OpenMetricsTextFormatWriter.create();

  private final MetricRegistry registry;
  private final PerfCounters counters;
  private final ServerConfig config;
  private final CoreFlags flags;
  private final Provider<ServerRuntime> runtime;
  /** The perf-counter families of the latest periodic snapshot, converted once per snapshot. */
  private volatile LegacyFamilies legacy;
  /** The size of the previous body, so that the buffer rarely grows while writing. */
  private volatile int sizeHint = 64 * 1024;

  private record LegacyFamilies(
      CounterSnapshot source, LegacyCounterSnapshots.Constants constants, List<MetricSnapshot> families) {}

  @Inject
  MetricsExposition(
      MetricRegistry registry,
      PerfCounters counters,
      ServerConfig config,
      CoreFlags flags,
      Provider<ServerRuntime> runtime) {
    this.registry = registry;
    this.counters = counters;
    this.config = config;
    this.flags = flags;
    this.runtime = runtime;
  }

  /** Answers one {@code /metrics} request that negotiated a Prometheus format. */
  public HttpResponse respond(HttpRequest request, MetricsFormat format) {
    ExpositionFormatWriter writer = format == MetricsFormat.OPENMETRICS ? OPENMETRICS : PROMETHEUS;
    boolean gzip = ExpositionEncoding.acceptsGzip(request.header("Accept-Encoding").orElse(null));
    MetricSnapshots snapshots =
        snapshots(flags.clusterNameOrUnknown(), runtime.get().boundAddress().getPort());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint);
    try (OutputStream out = gzip ? ExpositionEncoding.gzip(bytes) : bytes) {
      writer.write(out, snapshots);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    sizeHint = bytes.size() + bytes.size() / 8;
    HttpResponse response =
        HttpResponse.of(200, writer.getContentType(), bytes.toByteArray())
            .withHeader("Vary", "Accept, Accept-Encoding");
    return gzip ? response.withHeader("Content-Encoding", "gzip") : response;
  }

  /** Everything a scrape shows: the registry's families, then the perf counters' that fit. */
  MetricSnapshots snapshots(String cluster, int port) {
    List<MetricSnapshot> families =
        new ArrayList<>(PrometheusRegistrySnapshots.of(registry, cluster, config.role()));
    Set<String> taken = new HashSet<>();
    for (MetricSnapshot f : families) {
      taken.add(f.getMetadata().getPrometheusName());
    }
    for (MetricSnapshot f : legacyFamilies(cluster, port)) {
      if (!taken.contains(f.getMetadata().getPrometheusName())) {
        families.add(f);
      }
    }
    return new MetricSnapshots(families);
  }

  private List<MetricSnapshot> legacyFamilies(String cluster, int port) {
    CounterSnapshot latest = counters.latestSnapshot();
    LegacyCounterSnapshots.Constants constants =
        new LegacyCounterSnapshots.Constants(HostName.get(), cluster, config.role(), port);
    LegacyFamilies cached = legacy;
    if (cached == null || cached.source() != latest || !cached.constants().equals(constants)) {
      List<MetricSnapshot> families = new ArrayList<>();
      for (MetricSnapshot f : LegacyCounterSnapshots.of(latest, constants)) {
        // The registry owns the pegasus_ namespace; a perf counter there would shadow its series.
        if (!f.getMetadata().getName().startsWith(PrometheusRegistrySnapshots.PREFIX)) {
          families.add(f);
        }
      }
      cached = new LegacyFamilies(latest, constants, List.copyOf(families));
      legacy = cached;
    }
    return cached.families();
  }
}
