package dev.pegasus.http.core.internal;

/**
 * Appends JSON string literals the way rapidjson's writer does: {@code "} and {@code \} and
 * control characters are escaped, {@code /} and non-ASCII characters are written as they are.
 */
public final class JsonText {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private JsonText() {}

  /** Appends {@code s} as a quoted JSON string. */
  public static StringBuilder appendQuoted(StringBuilder out, String s) {
    out.append('"');
    int n = s.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, start, i);
      start = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.append(s, start, n).append('"');
  }

  /** {@code s} as a quoted JSON string. */
  public static String quote(String s) {
    return appendQuoted(new StringBuilder(s.length() + 2), s).toString();
  }
}
