package dev.pegasus.http.core.internal.metrics;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.metrics.MetricRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.net.InetAddress;
import java.util.concurrent.Executors;

/**
 * The two servers of {@code bench/metrics-load.sh}, in one JVM: a pegasus-http replica server
 * whose registry holds {@code replicas} replicas, and client_java's own HTTP exporter (its {@code
 * HTTPServer} on the JDK's HTTP server, 4 worker threads) serving the same series: its registry
 * holds one collector that builds the snapshots from the same registry on every scrape, as ours
 * does, so the two differ only in what serves and writes them. Prints {@code pegasus=<port>
 * client_java=<port>} and lives {@code seconds}.
 *
 * <p>Usage: {@code ExpositionLoadTargets <seconds> <replicas>}
 */
public final class ExpositionLoadTargets {

  private ExpositionLoadTargets() {}

  public static void main(String[] args) throws Exception {
    int seconds = Integer.parseInt(args[0]);
    int replicas = Integer.parseInt(args[1]);
    PegasusHttpServer server =
        PegasusHttpServer.builder().role("replica").host("127.0.0.1").port(0).build();
    MetricRegistry registry = server.metrics();
    ExpositionFixture.fill(registry, replicas);
    server.start();

    PrometheusRegistry theirs = new PrometheusRegistry();
    theirs.register(
        () -> new MetricSnapshots(PrometheusRegistrySnapshots.of(registry, "onebox", "replica")));
    HTTPServer exporter =
        HTTPServer.builder()
            .inetAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .registry(theirs)
            .executorService(Executors.newFixedThreadPool(4))
            .buildAndStart();
    System.out.println("pegasus=" + server.port() + " client_java=" + exporter.getPort());
    System.out.flush();
    Thread.sleep(seconds * 1000L);
    exporter.close();
    server.close();
    System.exit(0);
  }
}
