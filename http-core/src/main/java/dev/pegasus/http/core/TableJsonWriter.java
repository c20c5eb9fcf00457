package dev.pegasus.http.core;

import static com.google.common.base.Preconditions.checkState;

import dev.pegasus.http.core.internal.JsonText;

/**
 * Writes the "table style" JSON of Pegasus 2.0's table printer: compact, keys in insertion order,
 * every value a JSON string (integers in decimal, doubles with two decimals, booleans as {@code
 * "true"}/{@code "false"}), and a trailing {@code \n} after the outermost object.
 *
 * <pre>{@code
 * String body = new TableJsonWriter()
 *     .beginObject()
 *     .beginObject("general").field("app_name", "temp").field("app_id", 2).endObject()
 *     .endObject()
 *     .finish();   // {"general":{"app_name":"temp","app_id":"2"}}\n
 * }</pre>
 */
public final class TableJsonWriter {

  private final StringBuilder out;
  private int depth;
  private boolean needsComma;

  public TableJsonWriter() {
    this(256);
  }

  /** A writer whose buffer starts at this many characters, for large bodies. */
  public TableJsonWriter(int initialCapacity) {
    this.out = new StringBuilder(initialCapacity);
  }

  /** Opens the outermost object. */
  public TableJsonWriter beginObject() {
    checkState(depth == 0 && out.length() == 0, "beginObject() opens the outermost object only");
    out.append('{');
    depth = 1;
    needsComma = false;
    return this;
  }

  /** Opens a nested object under this key. */
  public TableJsonWriter beginObject(String key) {
    key(key);
    out.append('{');
    depth++;
    needsComma = false;
    return this;
  }

  public TableJsonWriter endObject() {
    checkState(depth > 0, "no object is open");
    out.append('}');
    depth--;
    needsComma = true;
    return this;
  }

  public TableJsonWriter field(String key, String value) {
    key(key);
    JsonText.appendQuoted(out, value);
    needsComma = true;
    return this;
  }

  public TableJsonWriter field(String key, long value) {
    key(key);
    out.append('"').append(value).append('"');
    needsComma = true;
    return this;
  }

  /** A double with two decimals, as {@link Decimals#twoPlaces}. */
  public TableJsonWriter field(String key, double value) {
    return field(key, Decimals.twoPlaces(value));
  }

  public TableJsonWriter field(String key, boolean value) {
    return field(key, value ? "true" : "false");
  }

  private void key(String key) {
    checkState(depth > 0, "no object is open");
    if (needsComma) {
      out.append(',');
    }
    JsonText.appendQuoted(out, key).append(':');
  }

  /** The finished body, with the trailing newline. */
  public String finish() {
    checkState(depth == 0 && out.length() > 0, "objects are still open");
    return out.append('\n').toString();
  }
}
