package dev.pegasus.http.core.internal;

import com.google.common.collect.ImmutableListMultimap;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.ErrorStyle;
import dev.pegasus.http.core.spi.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes every error the same way: the JSON envelope {@code
 * {"status":404,"error":"Not Found","message":"...","path":"/meta/app"}\n}, or plain text for
 * endpoints whose {@link ErrorStyle} asks for it.
 */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static HttpResponse of(EndpointException e, String path, ErrorStyle style) {
    return of(e.status(), e.getMessage(), path, style, e.headers());
  }

  public static HttpResponse of(
      int status,
      String message,
      String path,
      ErrorStyle style,
      ImmutableListMultimap<String, String> headers) {
    HttpResponse response =
        style.isPlainText()
            ? HttpResponse.of(status, HttpResponse.TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8))
            : HttpResponse.of(status, HttpResponse.JSON, envelope(status, message, path));
    for (Map.Entry<String, String> h : style.headers().entrySet()) {
      response = response.withHeader(h.getKey(), h.getValue());
    }
    for (Map.Entry<String, String> h : headers.entries()) {
      response = response.withHeader(h.getKey(), h.getValue());
    }
    return response;
  }

  /** The JSON envelope bytes. */
  public static byte[] envelope(int status, String message, String path) {
    StringBuilder out = new StringBuilder(96 + message.length() + path.length());
    out.append("{\"status\":").append(status).append(",\"error\":");
    JsonText.appendQuoted(out, HttpStatusText.of(status)).append(",\"message\":");
    JsonText.appendQuoted(out, message).append(",\"path\":");
    JsonText.appendQuoted(out, ErrorText.path(path)).append("}\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
