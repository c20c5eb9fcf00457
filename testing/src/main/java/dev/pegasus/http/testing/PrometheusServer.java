package dev.pegasus.http.testing;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The real Prometheus server (Debian's {@code prometheus} package) for one test: started on a
 * free 127.0.0.1 port with the given configuration and its own storage directory, asked through
 * its HTTP API, and stopped by {@link #close()} (also when the JVM exits first). A test on a
 * machine without it is skipped with a printed reason.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.start(configFile, tempDir)) {
 *   prometheus.awaitTargetsUp(3, Duration.ofSeconds(30));
 *   JsonNode result = prometheus.query("up");          // data.result of /api/v1/query
 * }
 * }</pre>
 */
public final class PrometheusServer implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path log;
  private final String url;
  private final Thread killOnExit;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PrometheusServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.url = "http://127.0.0.1:" + port;
    this.killOnExit = new Thread(process::destroyForcibly, "prometheus-stop");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** The {@code prometheus} on the PATH; skips the calling test when there is none. */
  public static Path binary() {
    return ExternalTool.require("prometheus", "prometheus");
  }

  /**
   * Starts {@code prometheus --config.file=config} with its storage and its log in {@code
   * workDir}, and waits until it is ready ({@code /-/ready}); relative paths in the
   * configuration (rule files) are read relative to the configuration's directory, as always.
   *
   * @throws IllegalStateException with its log when it exits or is not ready within 30 s
   */
  public static PrometheusServer start(Path config, Path workDir) {
    Path binary = binary();
    checkArgument(Files.isRegularFile(config), "no configuration file %s", config);
    try {
      Path storage = Files.createDirectories(workDir.resolve("prometheus-data"));
      Path log = workDir.resolve("prometheus.log");
      int port = freePort();
      Process process =
          new ProcessBuilder(
                  binary.toString(),
                  "--config.file=" + config.toAbsolutePath(),
                  "--storage.tsdb.path=" + storage.toAbsolutePath(),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--log.level=info")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      PrometheusServer server = new PrometheusServer(process, log, port);
      try {
        server.awaitReady();
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A port nobody listens on now (Prometheus binds it a moment later; a clash fails start). */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "prometheus exited with " + process.exitValue() + " before it was ready:\n" + log());
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("prometheus not ready after " + READY_TIMEOUT + ":\n" + log());
      }
      pause();
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return url;
  }

  /** What Prometheus has logged so far, for failure messages. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** {@code data.activeTargets} of {@code /api/v1/targets}: every discovered target with its health. */
  public JsonNode activeTargets() {
    return api("/api/v1/targets?state=active").path("activeTargets");
  }

  /** {@code data.result} of an instant query evaluated now. */
  public JsonNode query(String promql) {
    return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
        .path("result");
  }

  /** The value of the one sample an instant query returns, or NaN when it returns none. */
  public double queryValue(String promql) {
    JsonNode result = query(promql);
    checkArgument(result.size() <= 1, "%s returned %s series: %s", promql, result.size(), result);
    return result.isEmpty() ? Double.NaN : Double.parseDouble(result.get(0).path("value").get(1).asText());
  }

  /**
   * Waits until Prometheus has discovered {@code count} targets and scraped every one
   * successfully ({@code health} {@code up}), and returns them; fails the test with what it saw.
   */
  public JsonNode awaitTargetsUp(int count, Duration deadline) {
    return Polling.pollUntil(
        count + " targets up in " + url + " (its log: " + log + ")",
        deadline,
        this::activeTargets,
        targets -> targets.size() == count && allUp(targets));
  }

  private static boolean allUp(JsonNode targets) {
    for (JsonNode t : targets) {
      if (!"up".equals(t.path("health").asText())) {
        return false;
      }
    }
    return true;
  }

  private JsonNode api(String pathAndQuery) {
    HttpResponse<String> r = get(pathAndQuery);
    try {
      JsonNode body = JSON.readTree(r.body());
      if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
        throw new IllegalStateException("prometheus " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
      }
      return body.path("data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> get(String pathAndQuery) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(url + pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops Prometheus (SIGTERM, then SIGKILL after 10 s) and waits for it to exit. Idempotent. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }
}
