package dev.pegasus.http.core;

import static com.google.common.base.Preconditions.checkState;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.exc.StreamWriteException;
import dev.pegasus.http.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the pretty JSON of Pegasus master's {@code /metrics} (rapidjson 1.1.0's {@code
 * PrettyWriter} with its defaults): 4 spaces a level, every member on its own line as {@code
 * "key": value}, {@code {}} and {@code []} when empty, keys in the order written, typed values,
 * and no trailing newline. Doubles are written as rapidjson does ({@code 1.0}, {@code 5.12},
 * {@code 1e21}, {@code 1e-7}); strings are escaped as {@link Json} describes.
 *
 * <pre>{@code
 * byte[] body = new PrettyJsonWriter()
 *     .beginObject().field("error_message", "unknown field foo=bar").endObject()
 *     .finishBytes();   // {\n    "error_message": "unknown field foo=bar"\n}
 * }</pre>
 *
 * <p>Members go in objects ({@code field}, {@code beginObject(key)}, {@code beginArray(key)}),
 * elements in arrays ({@code value}, {@code beginObject()}, {@code beginArray()}); a call in the
 * wrong place throws {@link IllegalStateException}. A writer is for one body and one thread.
 */
public final class PrettyJsonWriter {

  private final Json.Body out;
  private final JsonGenerator json;
  private byte[] body;

  /** A writer for a small body. */
  public PrettyJsonWriter() {
    this(256);
  }

  /** A writer whose buffer starts at this many bytes, for large bodies. */
  public PrettyJsonWriter(int initialCapacity) {
    this.out = new Json.Body(initialCapacity);
    this.json = Json.generator(out);
    json.setPrettyPrinter(new IndentPrinter(4));
  }

  /** Opens an object: the outermost one, or an element of the array that is open. */
  public PrettyJsonWriter beginObject() {
    checkOpen();
    try {
      json.writeStartObject();
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /** Opens an object as the member {@code key} of the object that is open. */
  public PrettyJsonWriter beginObject(String key) {
    checkOpen();
    try {
      json.writeFieldName(key);
      json.writeStartObject();
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /** Closes the innermost object. */
  public PrettyJsonWriter endObject() {
    checkOpen();
    try {
      json.writeEndObject();
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /** Opens an array: the outermost value, or an element of the array that is open. */
  public PrettyJsonWriter beginArray() {
    checkOpen();
    try {
      json.writeStartArray();
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /** Opens an array as the member {@code key} of the object that is open. */
  public PrettyJsonWriter beginArray(String key) {
    checkOpen();
    try {
      json.writeFieldName(key);
      json.writeStartArray();
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /** Closes the innermost array. */
  public PrettyJsonWriter endArray() {
    checkOpen();
    try {
      json.writeEndArray();
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /** A string member; null writes {@code null}. */
  public PrettyJsonWriter field(String key, String value) {
    checkOpen();
    try {
      json.writeStringField(key, value);
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /** An integer member. */
  public PrettyJsonWriter field(String key, long value) {
    checkOpen();
    try {
      json.writeNumberField(key, value);
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /**
   * A double member, in rapidjson's format.
   *
   * @throws IllegalArgumentException for NaN and infinities, which rapidjson refuses too
   */
  public PrettyJsonWriter field(String key, double value) {
    String text = PrettyDoubles.rapidjson(value);
    checkOpen();
    try {
      json.writeFieldName(key);
      json.writeNumber(text);
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /** A boolean member. */
  public PrettyJsonWriter field(String key, boolean value) {
    checkOpen();
    try {
      json.writeBooleanField(key, value);
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /** A string element of the open array; null writes {@code null}. */
  public PrettyJsonWriter value(String value) {
    checkOpen();
    try {
      json.writeString(value);
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /** An integer element of the open array. */
  public PrettyJsonWriter value(long value) {
    checkOpen();
    try {
      json.writeNumber(value);
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /** A double element of the open array, in rapidjson's format. */
  public PrettyJsonWriter value(double value) {
    String text = PrettyDoubles.rapidjson(value);
    checkOpen();
    try {
      json.writeNumber(text);
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /** A boolean element of the open array. */
  public PrettyJsonWriter value(boolean value) {
    checkOpen();
    try {
      json.writeBoolean(value);
    } catch (IOException e) {
      throw failure(e);
    }
    return this;
  }

  /** The finished body as UTF-8 bytes; calling it (or {@link #finish()}) again returns the same. */
  public byte[] finishBytes() {
    if (body == null) {
      checkState(
          json.getOutputContext().inRoot() && json.getOutputContext().hasCurrentIndex(),
          "nothing was written or something is still open");
      body = Json.finish(json, out, -1);
    }
    return body;
  }

  /** The finished body. Prefer {@link #finishBytes()}. */
  public String finish() {
    return new String(finishBytes(), StandardCharsets.UTF_8);
  }

  private void checkOpen() {
    checkState(body == null, "the body is finished");
  }

  // Direct calls rather than one helper taking a lambda: a /metrics body makes ~300,000 calls,
  // and a capturing lambda each was a measurable share of its time and allocation.
  private static RuntimeException failure(IOException e) {
    if (e instanceof StreamWriteException w) {
      // Jackson's word for a member outside an object, an end without a start, and the like.
      return new IllegalStateException(w.getOriginalMessage(), w);
    }
    return new UncheckedIOException(e);
  }
}
