package dev.pegasus.http.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.common.collect.ImmutableListMultimap;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.ErrorStyle;
import dev.pegasus.http.core.spi.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** The JSON envelope bytes, written by the shared {@link Json} generator. */
  public static byte[] envelope(int status, String message, String path) {
    String quotedPath = ErrorText.path(path);
    Json.Body out = new Json.Body(96 + message.length() + quotedPath.length());
    JsonGenerator json = Json.generator(out);
    try {
      json.writeStartObject();
      json.writeNumberField("status", status);
      json.writeStringField("error", HttpStatusText.of(status));
      json.writeStringField("message", message);
      json.writeStringField("path", quotedPath);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Json.finish(json, out, '\n');
  }
}
