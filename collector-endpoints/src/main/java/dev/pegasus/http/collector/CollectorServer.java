package dev.pegasus.http.collector;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.PerfCounters;
import java.util.function.Consumer;

/**
 * A collector process in one call: a {@link Collector} and the {@link PegasusHttpServer} with role
 * {@code collector} whose counters it publishes into, serving {@code /perfCounter}, {@code
 * /perfCounters} and {@code /collector/app_stat}. A convenience only: the collector provider
 * starts the collector's rounds when the server starts and closes it with the server, so a host
 * can as well register its own {@code Collector} service.
 *
 * <pre>{@code
 * try (CollectorServer collector = CollectorServer.start(
 *     CollectorConfig.builder().metaServers("127.0.0.1:34601,127.0.0.1:34602,127.0.0.1:34603").build(),
 *     server -> server.host("127.0.0.1").port(34101))) {
 *   ...
 * }
 * }</pre>
 */
public final class CollectorServer implements AutoCloseable {

  private final Collector collector;
  private final PegasusHttpServer server;

  private CollectorServer(Collector collector, PegasusHttpServer server) {
    this.collector = collector;
    this.server = server;
  }

  /**
   * Builds and starts the HTTP server (after {@code settings} changed its builder: host, port,
   * configuration), then starts the collector's rounds.
   */
  public static CollectorServer start(CollectorConfig config, Consumer<PegasusHttpServer.Builder> settings) {
    PerfCounters counters = new PerfCounters();
    Collector collector = new Collector(config, counters);
    try {
      PegasusHttpServer.Builder builder =
          PegasusHttpServer.builder().role("collector").counters(counters).service(Collector.class, collector);
      settings.accept(builder);
      PegasusHttpServer server = builder.build().start();
      return new CollectorServer(collector, server);
    } catch (RuntimeException e) {
      collector.close();
      throw e;
    }
  }

  /** Starts on this host and port (0 for an ephemeral port). */
  public static CollectorServer start(CollectorConfig config, String host, int port) {
    return start(config, server -> server.host(host).port(port));
  }

  public Collector collector() {
    return collector;
  }

  public PegasusHttpServer server() {
    return server;
  }

  /** Stops the collector's rounds, then the HTTP server (which closes the collector too). */
  @Override
  public void close() {
    try {
      collector.close();
    } finally {
      server.close();
    }
  }
}
