package dev.pegasus.http.core;

import dev.pegasus.http.core.internal.JsonText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes the "typed" JSON of Pegasus 2.0's duplication endpoints (nlohmann's {@code dump()}):
 * compact, object keys sorted by their UTF-8 bytes ({@code "1" < "10" < "2" < "appid"}), values
 * of their real JSON types, and no trailing newline.
 *
 * <p>Values may be {@link Map}s with string keys, {@link List}s, strings, numbers, booleans and
 * null.
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
    StringBuilder out = new StringBuilder(128);
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      JsonText.appendQuoted(out, s);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof Byte) {
      out.append(value);
    } else if (value instanceof Number n) {
      double d = n.doubleValue();
      out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
    } else if (value instanceof Map<?, ?> map) {
      List<String> keys = new ArrayList<>(map.size());
      for (Object k : map.keySet()) {
        keys.add((String) k);
      }
      keys.sort(BYTE_ORDER);
      out.append('{');
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        JsonText.appendQuoted(out, keys.get(i)).append(':');
        append(out, map.get(keys.get(i)));
      }
      out.append('}');
    } else if (value instanceof Iterable<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        append(out, item);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }
}
