package dev.pegasus.http.meta.zookeeper;

/**
 * Makes text read from outside (ZooKeeper node data, say) safe to put in a log line: quoted, with
 * control and non-ASCII characters escaped so that nobody can forge log lines with CR/LF, and cut
 * to a bounded length so that a megabyte of node data is not a megabyte of log.
 */
final class LogSafeText {

  private LogSafeText() {}

  /**
   * {@code text} in double quotes, every character outside printable ASCII, {@code "} and {@code
   * \} escaped, at most {@code maxChars} of it kept (then {@code ...(N chars)}).
   */
  static String quote(String text, int maxChars) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 16).append('"');
    int n = Math.min(text.length(), maxChars);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            out.append(c);
          } else {
            out.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    out.append('"');
    if (text.length() > maxChars) {
      out.append("...(").append(text.length()).append(" chars)");
    }
    return out.toString();
  }
}
