package dev.pegasus.http.core.spi;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * How errors of an endpoint are written: the JSON envelope of every pegasus-http error, or plain
 * text with extra headers for clients that only print text (the {@code pprof} tools show the body
 * of a {@code text/plain} error that carries {@code X-Go-Pprof}).
 */
public final class ErrorStyle {

  private static final ErrorStyle JSON = new ErrorStyle(false, ImmutableMap.of());

  private final boolean plainText;
  private final ImmutableMap<String, String> headers;

  private ErrorStyle(boolean plainText, ImmutableMap<String, String> headers) {
    this.plainText = plainText;
    this.headers = headers;
  }

  /** The JSON envelope {@code {"status":..,"error":..,"message":..,"path":..}}. */
  public static ErrorStyle json() {
    return JSON;
  }

  /** The message as {@code text/plain}, with these extra headers on every error response. */
  public static ErrorStyle plainText(Map<String, String> headers) {
    return new ErrorStyle(true, ImmutableMap.copyOf(headers));
  }

  public boolean isPlainText() {
    return plainText;
  }

  public ImmutableMap<String, String> headers() {
    return headers;
  }
}
