package dev.pegasus.http.collector;

import java.nio.charset.StandardCharsets;

/** Percent-encodes a query value: everything but RFC 3986's unreserved characters. */
final class QueryEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private QueryEncoding() {}

  static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }
}
