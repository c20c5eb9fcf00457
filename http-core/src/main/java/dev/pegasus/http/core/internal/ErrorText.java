package dev.pegasus.http.core.internal;

/**
 * Quotes what a client sent inside an error message at a bounded length, so that a 100 KB URL
 * cannot make a 100 KB error, and with control characters shown as {@code \xNN} so that nothing
 * the client chose reaches a log line or a body as a line break.
 */
public final class ErrorText {

  /** How much of a path an error quotes. */
  public static final int MAX_PATH = 256;

  private ErrorText() {}

  /**
   * {@code sent} with control characters escaped, cut after {@code max} characters with a note of
   * how many more there were.
   */
  public static String bounded(String sent, int max) {
    int keep = Math.min(sent.length(), max);
    StringBuilder out = new StringBuilder(keep + 32);
    for (int i = 0; i < keep; i++) {
      char c = sent.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    if (sent.length() > max) {
      out.append("...(").append(sent.length() - max).append(" more characters)");
    }
    return out.toString();
  }

  /** A path as an error message or envelope quotes it. */
  public static String path(String path) {
    return bounded(path, MAX_PATH);
  }
}
