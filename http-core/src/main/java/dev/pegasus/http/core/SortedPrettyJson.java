package dev.pegasus.http.core;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pegasus.http.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the pretty sorted JSON of Pegasus master's {@code /envs/list} and of the {@code
 * balance_operation_count} string of {@code /meta/cluster} (nlohmann's {@code dump(2)}): 2 spaces
 * a level, every member on its own line as {@code "key": value}, {@code {}} and {@code []} when
 * empty, object keys sorted by their UTF-8 bytes as in {@link SortedJson}, typed values, and no
 * trailing newline.
 *
 * <p>Values are those of {@link SortedJson}; doubles are written as nlohmann does ({@code 1.0},
 * {@code 0.0001}, {@code 1e-05}, {@code 1e+15}, {@code null} for NaN and infinities). Strings are
 * escaped as {@link Json} describes (nlohmann would write a control character's <code>&#92;u00xx</code>
 * in lower case).
 */
public final class SortedPrettyJson {

  private SortedPrettyJson() {}

  /** The pretty JSON text of {@code value}. */
  public static String write(Object value) {
    return body(value).string();
  }

  /** The pretty JSON text of {@code value} as UTF-8 bytes, for a response body. */
  public static byte[] writeBytes(Object value) {
    return body(value).bytes();
  }

  private static Json.Body body(Object value) {
    Json.Body out = new Json.Body(256);
    JsonGenerator json = Json.generator(out);
    json.setPrettyPrinter(new IndentPrinter(2));
    try {
      SortedJson.write(json, value, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Json.close(json, out, -1);
  }
}
