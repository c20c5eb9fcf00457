package dev.pegasus.http.core.bench;

import static com.google.common.base.Preconditions.checkState;

import dev.pegasus.http.core.Decimals;
import java.nio.charset.StandardCharsets;

/**
 * BASELINE ONLY, not used by the server: the hand-written JSON writing that http-core had before
 * it wrote every body through Jackson (the old {@code TableJsonWriter} and {@code
 * internal.JsonText}, copied unchanged but for names). {@code JsonWriterBenchmark} measures the
 * Jackson writer against it, and the escaping tests compare the two character by character.
 */
public final class HandWrittenJsonBaseline {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private HandWrittenJsonBaseline() {}

  /** The old {@code JsonText.appendQuoted}: rapidjson's escaping, by hand. */
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

  /** The bytes the old code sent for the quoted string {@code s}. */
  public static byte[] quotedBytes(String s) {
    return appendQuoted(new StringBuilder(s.length() + 2), s).toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The old {@code TableJsonWriter}, on a StringBuilder. */
  public static final class TableWriter {

    private final StringBuilder out;
    private int depth;
    private boolean needsComma;

    public TableWriter(int initialCapacity) {
      this.out = new StringBuilder(initialCapacity);
    }

    public TableWriter beginObject() {
      checkState(depth == 0 && out.length() == 0, "beginObject() opens the outermost object only");
      out.append('{');
      depth = 1;
      needsComma = false;
      return this;
    }

    public TableWriter beginObject(String key) {
      key(key);
      out.append('{');
      depth++;
      needsComma = false;
      return this;
    }

    public TableWriter endObject() {
      checkState(depth > 0, "no object is open");
      out.append('}');
      depth--;
      needsComma = true;
      return this;
    }

    public TableWriter field(String key, String value) {
      key(key);
      appendQuoted(out, value);
      needsComma = true;
      return this;
    }

    public TableWriter field(String key, long value) {
      key(key);
      out.append('"').append(value).append('"');
      needsComma = true;
      return this;
    }

    public TableWriter field(String key, double value) {
      return field(key, Decimals.twoPlaces(value));
    }

    public TableWriter field(String key, boolean value) {
      return field(key, value ? "true" : "false");
    }

    private void key(String key) {
      checkState(depth > 0, "no object is open");
      if (needsComma) {
        out.append(',');
      }
      appendQuoted(out, key).append(':');
    }

    public String finish() {
      checkState(depth == 0 && out.length() > 0, "objects are still open");
      return out.append('\n').toString();
    }
  }
}
