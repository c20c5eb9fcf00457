package dev.pegasus.http.core.internal.metrics;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.testing.InProcess;
import dev.pegasus.http.testing.TestResponse;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full {@code /metrics} Prometheus scrape of a replica server with 1,000 replicas (50,000
 * series; target: within 50 ms), through the server's whole request path in process, and its
 * parts: building the snapshots, and the library writing them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PrometheusScrapeBenchmark {

  @Param({"1000"})
  public int replicas;

  private PegasusHttpServer server;
  private MetricRegistry registry;
  private MetricSnapshots built;

  @Setup(Level.Trial)
  public void setUp() {
    server = PegasusHttpServer.builder().role("replica").port(0).build();
    registry = server.metrics();
    ExpositionFixture.fill(registry, replicas);
    server.start();
    built = new MetricSnapshots(PrometheusRegistrySnapshots.of(registry, "onebox", "replica"));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    server.close();
  }

  private TestResponse scrape(String... headers) {
    TestResponse r = InProcess.call(server, "GET /metrics", headers);
    if (r.status() != 200) {
      throw new IllegalStateException(r.toString());
    }
    return r;
  }

  @Benchmark
  public int prometheusText() {
    return scrape("Accept: text/plain;version=0.0.4").bytes().length;
  }

  @Benchmark
  public int openMetrics() {
    return scrape("Accept: application/openmetrics-text;version=1.0.0").bytes().length;
  }

  @Benchmark
  public int prometheusTextGzip() {
    return scrape("Accept: text/plain;version=0.0.4", "Accept-Encoding: gzip").bytes().length;
  }

  /** Only the registry to snapshots part. */
  @Benchmark
  public MetricSnapshots buildSnapshots() {
    return new MetricSnapshots(PrometheusRegistrySnapshots.of(registry, "onebox", "replica"));
  }

  /** Only the library's writer, over snapshots built once. */
  @Benchmark
  public int writeOnly() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);
    PrometheusTextFormatWriter.create().write(out, built);
    return out.size();
  }
}
