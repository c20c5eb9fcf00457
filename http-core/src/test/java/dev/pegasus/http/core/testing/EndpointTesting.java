package dev.pegasus.http.core.testing;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.pegasus.http.core.PegasusHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Keeps end-to-end tests short: plain HTTP calls to a server on 127.0.0.1 with {@code
 * java.net.http} (redirects not followed), raw-socket exchanges for what that client will not
 * send, and polling with a deadline instead of sleeping.
 */
public final class EndpointTesting {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private EndpointTesting() {}

  /** A response, with its body as text. */
  public record Response(int status, Map<String, List<String>> headers, String body, byte[] bytes) {

    /** The first value of a header, case-insensitively. */
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }
  }

  /** GET {@code server.url() + pathAndQuery}. */
  public static Response get(PegasusHttpServer server, String pathAndQuery) {
    return send("GET", server.url() + pathAndQuery, null);
  }

  /** GET an absolute URL. */
  public static Response get(String url) {
    return send("GET", url, null);
  }

  /** POST a body to {@code server.url() + pathAndQuery}. */
  public static Response post(PegasusHttpServer server, String pathAndQuery, String body) {
    return send("POST", server.url() + pathAndQuery, body);
  }

  /** Sends a request with any method and an optional body, plus header name/value pairs. */
  public static Response send(String method, String url, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<byte[]> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(
          r.statusCode(), r.headers().map(), new String(r.body(), StandardCharsets.UTF_8), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes {@code raw} to a new connection to the server, half-closes nothing, and reads until the
   * server closes the connection or {@code timeout} passes; returns everything read.
   */
  public static String raw(PegasusHttpServer server, byte[] raw, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(raw);
      out.flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          received.write(buffer, 0, n);
        }
      } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
        // the server kept the connection open, or reset it after answering: return what came
      }
      return received.toString(StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * GET a target the JDK client refuses to send (bad escapes, odd characters) over a raw
   * connection, and parse the one response.
   */
  public static Response rawGet(PegasusHttpServer server, String target) {
    String all =
        raw(server, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    int headerEnd = all.indexOf("\r\n\r\n");
    assertWithMessage("no complete response to %s: %s", target, all).that(headerEnd).isAtLeast(0);
    String[] lines = all.substring(0, headerEnd).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new java.util.ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    byte[] body = all.substring(headerEnd + 4).getBytes(StandardCharsets.ISO_8859_1);
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8), body);
  }

  /** {@link #raw(PegasusHttpServer, byte[], Duration)} for text. */
  public static String raw(PegasusHttpServer server, String raw) {
    return raw(server, raw.getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(5));
  }

  /**
   * Calls {@code probe} until {@code done} accepts its value or {@code deadline} passes, and
   * returns the last value; fails the test with {@code what} on timeout.
   */
  public static <T> T pollUntil(
      String what, Duration deadline, Supplier<T> probe, Predicate<? super T> done) {
    Instant end = Instant.now().plus(deadline);
    T last = probe.get();
    while (!done.test(last)) {
      if (Instant.now().isAfter(end)) {
        assertWithMessage("timed out after %s waiting for %s; last value: %s", deadline, what, last)
            .fail();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = probe.get();
    }
    return last;
  }

  /** The JSON error envelope pegasus-http sends, for comparing bodies exactly. */
  public static String envelope(int status, String error, String message, String path) {
    return "{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\""
        + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"path\":\"" + path + "\"}\n";
  }
}
