package dev.pegasus.http.core;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.NumberOutput;
import dev.pegasus.http.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the "table style" JSON of Pegasus 2.0's table printer: compact, keys in insertion order,
 * every value a JSON string (integers in decimal, doubles with two decimals, booleans as {@code
 * "true"}/{@code "false"}), and a trailing {@code \n} after the outermost object. Strings are
 * escaped as {@link Json} describes.
 *
 * <pre>{@code
 * byte[] body = new TableJsonWriter()
 *     .beginObject()
 *     .beginObject("general").field("app_name", "temp").field("app_id", 2).endObject()
 *     .endObject()
 *     .finishBytes();   // {"general":{"app_name":"temp","app_id":"2"}}\n
 * }</pre>
 *
 * <p>A writer is for one body and one thread.
 */
public final class TableJsonWriter {

  private final Json.Body out;
  private final JsonGenerator json;
  /** Digits of an integer value, so that a number costs no String. */
  private final char[] digits = new char[20];
  private int depth;
  private boolean started;
  private boolean closed;
  private byte[] body;

  /** A writer for a small body. */
  public TableJsonWriter() {
    this(256);
  }

  /**
   * A writer whose buffer starts at this many bytes, for large bodies (a guess in characters is
   * fine: table bodies are nearly all ASCII). A guess at or above the body's size saves copies.
   */
  public TableJsonWriter(int initialCapacity) {
    this.out = new Json.Body(initialCapacity);
    this.json = Json.generator(out);
  }

  /** Opens the outermost object. */
  public TableJsonWriter beginObject() {
    checkState(depth == 0 && !started, "beginObject() opens the outermost object only");
    started = true;
    depth = 1;
    try {
      json.writeStartObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Opens a nested object under this key. */
  public TableJsonWriter beginObject(String key) {
    key(key);
    depth++;
    try {
      json.writeStartObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Closes the innermost open object. */
  public TableJsonWriter endObject() {
    checkState(depth > 0, "no object is open");
    depth--;
    try {
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A string member; {@code value} must not be null (every table value is a string). */
  public TableJsonWriter field(String key, String value) {
    checkNotNull(value, "value of %s", key);
    key(key);
    try {
      json.writeString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** An integer member, written as a string of its decimal digits. */
  public TableJsonWriter field(String key, long value) {
    key(key);
    try {
      json.writeString(digits, 0, NumberOutput.outputLong(value, digits, 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A double with two decimals, as {@link Decimals#twoPlaces}. */
  public TableJsonWriter field(String key, double value) {
    return field(key, Decimals.twoPlaces(value));
  }

  /** {@code "true"} or {@code "false"}. */
  public TableJsonWriter field(String key, boolean value) {
    return field(key, value ? "true" : "false");
  }

  private void key(String key) {
    checkState(depth > 0, "no object is open");
    try {
      json.writeFieldName(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The finished body as UTF-8 bytes, with the trailing newline: what an {@link
   * dev.pegasus.http.core.spi.HttpResponse} sends, without a String in between. Calling it (or
   * {@link #finish()}) again returns the same body.
   */
  public byte[] finishBytes() {
    close();
    if (body == null) {
      body = out.bytes();
    }
    return body;
  }

  /**
   * The finished body, with the trailing newline. Prefer {@link #finishBytes()}: a String costs
   * a copy of the body, and another when it is encoded for the response.
   */
  public String finish() {
    close();
    return body != null ? new String(body, StandardCharsets.UTF_8) : out.string();
  }

  private void close() {
    if (!closed) {
      checkState(depth == 0 && started, "objects are still open");
      Json.close(json, out, '\n');
      closed = true;
    }
  }
}
