package dev.pegasus.http.core.spi;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableListMultimap;
import java.nio.charset.StandardCharsets;

/**
 * What an endpoint answers: a status, a content type, extra headers and the body bytes. The
 * framework adds {@code Content-Length} and {@code X-Content-Type-Options: nosniff}, and leaves
 * the body out for HEAD.
 */
public final class HttpResponse {

  /** {@code application/json}. */
  public static final String JSON = "application/json";
  /** {@code text/plain; charset=utf-8}. */
  public static final String TEXT = "text/plain; charset=utf-8";
  /** {@code text/html; charset=utf-8}. */
  public static final String HTML = "text/html; charset=utf-8";
  /** {@code application/octet-stream}. */
  public static final String BINARY = "application/octet-stream";

  private final int status;
  private final String contentType;
  private final ImmutableListMultimap<String, String> headers;
  private final byte[] body;

  private HttpResponse(
      int status, String contentType, ImmutableListMultimap<String, String> headers, byte[] body) {
    checkArgument(status >= 100 && status <= 599, "bad status %s", status);
    this.status = status;
    this.contentType = contentType;
    this.headers = headers;
    this.body = body;
  }

  /** A response with this status, content type and body. The array is not copied. */
  public static HttpResponse of(int status, String contentType, byte[] body) {
    return new HttpResponse(status, contentType, ImmutableListMultimap.of(), body);
  }

  /** 200 with a JSON body. */
  public static HttpResponse json(String body) {
    return of(200, JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  /** 200 with a UTF-8 text body. */
  public static HttpResponse text(String body) {
    return of(200, TEXT, body.getBytes(StandardCharsets.UTF_8));
  }

  /** 200 with a binary body. The array is not copied. */
  public static HttpResponse binary(byte[] body) {
    return of(200, BINARY, body);
  }

  /** 307 Temporary Redirect to this absolute URL, with an empty body. */
  public static HttpResponse temporaryRedirect(String location) {
    return new HttpResponse(
        307, TEXT, ImmutableListMultimap.of("Location", location), new byte[0]);
  }

  /** The same response with one more header. */
  public HttpResponse withHeader(String name, String value) {
    return new HttpResponse(
        status,
        contentType,
        ImmutableListMultimap.<String, String>builder().putAll(headers).put(name, value).build(),
        body);
  }

  public int status() {
    return status;
  }

  public String contentType() {
    return contentType;
  }

  public ImmutableListMultimap<String, String> headers() {
    return headers;
  }

  /** The body bytes, not copied: do not modify. */
  public byte[] bodyBytes() {
    return body;
  }

  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
