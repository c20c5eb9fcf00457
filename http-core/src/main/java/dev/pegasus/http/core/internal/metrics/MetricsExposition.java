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
import java.util.List;
import javax.inject.Inject;
import javax.inject.Provider;

/**
 * The registry ({@code /metrics}) or the perf counters ({@code /metrics/perf_counters}) as
 * Prometheus text 0.0.4 or OpenMetrics 1.0.0, written by the Prometheus exposition library from
 * snapshots (see {@link PrometheusRegistrySnapshots} and {@link LegacyCounterSnapshots} for the
 * names). Nothing is reset by a scrape. Gzip when the client accepts it. The {@code /metrics}
 * query parameters filter the JSON only; a scrape always gets everything.
 *
 * <p>The two are separate bodies because they follow different naming rules: the registry's
 * families follow Prometheus's conventions ({@code promtool check metrics} is clean), while the
 * perf counters keep the Pegasus 2.5 exporter's exact names (with {@code :}, upper case and
 * {@code _count} gauges) so that dashboards built on a 2.5 cluster keep working.
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

  /** What a body shows. */
  enum Source {
    /** The metrics registry, on {@code /metrics}. */
    REGISTRY,
    /** The 2.0 perf counters under the 2.5 exporter's names, on {@code /metrics/perf_counters}. */
    PERF_COUNTERS
  }

  /** Answers one request that negotiated a Prometheus format. */
  public HttpResponse respond(HttpRequest request, MetricsFormat format, Source source) {
    ExpositionFormatWriter writer = format == MetricsFormat.OPENMETRICS ? OPENMETRICS : PROMETHEUS;
    boolean gzip = ExpositionEncoding.acceptsGzip(request.header("Accept-Encoding").orElse(null));
    String cluster = flags.clusterNameOrUnknown();
    MetricSnapshots snapshots =
        source == Source.REGISTRY
            ? registrySnapshots(cluster)
            : new MetricSnapshots(legacyFamilies(cluster, runtime.get().boundAddress().getPort()));
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

  /** Every family of the registry. */
  MetricSnapshots registrySnapshots(String cluster) {
    return new MetricSnapshots(PrometheusRegistrySnapshots.of(registry, cluster, config.role()));
  }

  private List<MetricSnapshot> legacyFamilies(String cluster, int port) {
    CounterSnapshot latest = counters.latestSnapshot();
    LegacyCounterSnapshots.Constants constants =
        new LegacyCounterSnapshots.Constants(HostName.get(), cluster, config.role(), port);
    LegacyFamilies cached = legacy;
    if (cached == null || cached.source() != latest || !cached.constants().equals(constants)) {
      cached = new LegacyFamilies(latest, constants, List.copyOf(LegacyCounterSnapshots.of(latest, constants)));
      legacy = cached;
    }
    return cached.families();
  }
}
