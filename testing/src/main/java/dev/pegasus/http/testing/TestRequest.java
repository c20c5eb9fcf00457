package dev.pegasus.http.testing;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableListMultimap;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request to send to a server, over a socket ({@link HttpCalls#send(
 * dev.pegasus.http.core.PegasusHttpServer, TestRequest)}) or in process ({@link InProcess}):
 * a method, a target as sent ({@code /path?query}, not decoded), headers and a body. Immutable;
 * every {@code with}-style method returns a new request.
 *
 * <pre>{@code
 * TestRequest.of("POST /updateConfig?k=v").header("Origin", "http://evil.example").body("{}")
 * }</pre>
 */
public final class TestRequest {

  private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

  private final String method;
  private final String target;
  private final ImmutableListMultimap<String, String> headers;
  private final byte[] body;
  private final InetSocketAddress client;

  private TestRequest(
      String method,
      String target,
      ImmutableListMultimap<String, String> headers,
      byte[] body,
      InetSocketAddress client) {
    checkArgument(!method.isEmpty() && method.chars().noneMatch(Character::isWhitespace),
        "bad method: \"%s\"", method);
    checkArgument(target.startsWith("/"), "a target starts with /: \"%s\"", target);
    this.method = method;
    this.target = target;
    this.headers = headers;
    this.body = body;
    this.client = client;
  }

  /** A request from a request line, {@code "GET /x?a=b"}; no headers, no body. */
  public static TestRequest of(String requestLine) {
    String line = requestLine.trim();
    int space = line.indexOf(' ');
    checkArgument(space > 0, "a request line is \"METHOD /target\": \"%s\"", requestLine);
    return new TestRequest(
        line.substring(0, space),
        line.substring(space + 1).trim(),
        ImmutableListMultimap.of(),
        new byte[0],
        LOOPBACK);
  }

  /** {@code GET target}. */
  public static TestRequest get(String target) {
    return of("GET " + target);
  }

  /** {@code POST target} with a UTF-8 body. */
  public static TestRequest post(String target, String body) {
    return of("POST " + target).body(body);
  }

  /** The same request with one more header (a name may repeat). */
  public TestRequest header(String name, String value) {
    return new TestRequest(
        method,
        target,
        ImmutableListMultimap.<String, String>builder().putAll(headers).put(name, value).build(),
        body,
        client);
  }

  /** The same request with {@code Name: value} header lines added. */
  public TestRequest headerLines(String... lines) {
    TestRequest request = this;
    for (String line : lines) {
      int colon = line.indexOf(':');
      checkArgument(colon > 0, "a header line is \"Name: value\": \"%s\"", line);
      request = request.header(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    return request;
  }

  /** The same request with this UTF-8 body. */
  public TestRequest body(String utf8) {
    return body(utf8.getBytes(StandardCharsets.UTF_8));
  }

  /** The same request with this body (copied). */
  public TestRequest body(byte[] bytes) {
    return new TestRequest(method, target, headers, bytes.clone(), client);
  }

  /**
   * The same request from another client address; in-process calls only (a socket call always
   * comes from 127.0.0.1). For testing the access policy, e.g. {@code from("10.0.0.7")}.
   */
  public TestRequest from(String ip) {
    return new TestRequest(method, target, headers, body, new InetSocketAddress(ip, 40000));
  }

  /** The method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** The target as sent: path and query, not decoded. */
  public String target() {
    return target;
  }

  /** The path part of the target. */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /** The headers given, in order. */
  public ImmutableListMultimap<String, String> headers() {
    return headers;
  }

  /** True when a header of this name (any case) was given. */
  public boolean hasHeader(String name) {
    return headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
  }

  /** The body bytes (a copy); empty for none. */
  public byte[] body() {
    return body.clone();
  }

  /** The client address an in-process call claims; 127.0.0.1 unless {@link #from} said otherwise. */
  public InetSocketAddress client() {
    return client;
  }

  /** The request line, headers, body size and client, for failure messages and test names. */
  @Override
  public String toString() {
    return method + " " + target
        + (headers.isEmpty() ? "" : " " + headers)
        + (body.length == 0 ? "" : " (" + body.length + " body bytes)")
        + (client.equals(LOOPBACK) ? "" : " from " + client.getHostString().toLowerCase(Locale.ROOT));
  }
}
