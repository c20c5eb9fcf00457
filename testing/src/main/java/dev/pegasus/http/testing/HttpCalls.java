package dev.pegasus.http.testing;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.pegasus.http.core.PegasusHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls a server over a real socket on 127.0.0.1: plain HTTP with {@code java.net.http}
 * (HTTP/1.1, redirects not followed, 60 s timeout), and raw exchanges for what that client will
 * not send (bad escapes, odd framing).
 *
 * <pre>{@code
 * TestResponse r = HttpCalls.get(server, "/meta/app?name=temp");
 * String wire = HttpCalls.raw(server, "GET /version HTTP/1.0\r\n\r\n");
 * }</pre>
 *
 * <p>The JDK's client refuses to set {@code Host}, {@code Connection}, {@code Content-Length},
 * {@code Expect} and {@code Upgrade} itself; use {@link #raw} or {@link InProcess} for those.
 */
public final class HttpCalls {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private HttpCalls() {}

  /** GET {@code server.url() + pathAndQuery}. */
  public static TestResponse get(PegasusHttpServer server, String pathAndQuery) {
    return send("GET", server.url() + pathAndQuery, null);
  }

  /** GET an absolute URL. */
  public static TestResponse get(String url) {
    return send("GET", url, null);
  }

  /** POST a UTF-8 body to {@code server.url() + pathAndQuery}. */
  public static TestResponse post(PegasusHttpServer server, String pathAndQuery, String body) {
    return send("POST", server.url() + pathAndQuery, body);
  }

  /** Sends {@code request} to the server: its method, target, headers and body. */
  public static TestResponse send(PegasusHttpServer server, TestRequest request) {
    byte[] body = request.body();
    HttpRequest.Builder builder =
        requestTo(request.method(), server.url() + request.target(), body.length == 0 ? null : body);
    request.headers().forEach(builder::header);
    return send(CLIENT, builder.build());
  }

  /**
   * Sends a request with any method to an absolute URL, with an optional UTF-8 body (null for
   * none) and header name/value pairs ({@code "Origin", "http://x"}).
   */
  public static TestResponse send(String method, String url, String body, String... headers) {
    return send(CLIENT, method, url, body, headers);
  }

  /**
   * {@link #send(String, String, String, String...)} with another client: one that trusts a test
   * CA or presents a client certificate ({@code HttpClient.newBuilder().sslContext(..)}), say.
   */
  public static TestResponse send(
      HttpClient client, String method, String url, String body, String... headers) {
    HttpRequest.Builder request =
        requestTo(method, url, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(client, request.build());
  }

  private static HttpRequest.Builder requestTo(String method, String url, byte[] body) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(60))
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private static TestResponse send(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new TestResponse(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes {@code raw} to a new connection to the server, half-closes nothing, and reads until the
   * server closes the connection or {@code timeout} passes; returns everything read (ISO-8859-1).
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
      } catch (SocketTimeoutException | SocketException e) {
        // the server kept the connection open, or reset it after answering: return what came
      }
      return received.toString(StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #raw(PegasusHttpServer, byte[], Duration)} for text, waiting up to 5 s. */
  public static String raw(PegasusHttpServer server, String raw) {
    return raw(server, raw.getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(5));
  }

  /**
   * GET a target the JDK client refuses to send (bad escapes, odd characters) over a raw
   * connection, and parse the one response.
   */
  public static TestResponse rawGet(PegasusHttpServer server, String target) {
    String all =
        raw(server, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    int headerEnd = all.indexOf("\r\n\r\n");
    assertWithMessage("no complete response to %s: %s", target, all).that(headerEnd).isAtLeast(0);
    String[] lines = all.substring(0, headerEnd).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    return new TestResponse(
        status, headers, all.substring(headerEnd + 4).getBytes(StandardCharsets.ISO_8859_1));
  }
}
