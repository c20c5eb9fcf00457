package dev.pegasus.http.core;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pegasus.http.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes the "typed" JSON of Pegasus 2.0's duplication endpoints (nlohmann's {@code dump()}):
 * compact, object keys sorted by their UTF-8 bytes ({@code "1" < "10" < "2" < "appid"}), values
 * of their real JSON types, and no trailing newline. Strings are escaped as {@link Json}
 * describes.
 *
 * <p>Values may be {@link Map}s with string keys, {@link List}s (any {@link Iterable}), strings,
 * numbers, booleans and null. An integral {@code double} below 1e15 is written without a fraction
 * ({@code 3.0 -> 3}), any other as {@link Double#toString}.
 */
public final class SortedJson {

  /** Code point order, which is the byte order of the UTF-8 encoding. */
  public static final Comparator<String> BYTE_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca, cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  private SortedJson() {}

  /** The compact JSON text of {@code value}. */
  public static String write(Object value) {
    return body(value).string();
  }

  /** The compact JSON text of {@code value} as UTF-8 bytes, for a response body. */
  public static byte[] writeBytes(Object value) {
    return body(value).bytes();
  }

  private static Json.Body body(Object value) {
    Json.Body out = new Json.Body(128);
    JsonGenerator json = Json.generator(out);
    try {
      write(json, value, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Json.close(json, out, -1);
  }

  /**
   * Writes {@code value} with sorted keys; {@code nlohmannDoubles} picks the double format of
   * nlohmann's {@code dump(2)} (for {@link SortedPrettyJson}) over this class's compact one.
   */
  static void write(JsonGenerator json, Object value, boolean nlohmannDoubles) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String s) {
      json.writeString(s);
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number n) {
      json.writeNumber(nlohmannDoubles ? PrettyDoubles.nlohmann(n.doubleValue()) : compact(n.doubleValue()));
    } else if (value instanceof Map<?, ?> map) {
      String[] keys = new String[map.size()];
      int k = 0;
      for (Object key : map.keySet()) {
        keys[k++] = (String) key;
      }
      Arrays.sort(keys, BYTE_ORDER);
      json.writeStartObject();
      for (String key : keys) {
        json.writeFieldName(key);
        write(json, map.get(key), nlohmannDoubles);
      }
      json.writeEndObject();
    } else if (value instanceof Iterable<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        write(json, item, nlohmannDoubles);
      }
      json.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /** Written raw (so NaN stays the bare {@code NaN} it always was here, not a string). */
  private static String compact(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
