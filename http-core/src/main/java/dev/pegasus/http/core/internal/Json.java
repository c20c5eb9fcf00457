package dev.pegasus.http.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one Jackson {@link JsonFactory} every JSON body is written with, configured to escape
 * strings the way rapidjson's writer (and so Pegasus) does: {@code "}, {@code \} and control
 * characters are escaped ({@code \b \f \n \r \t}, else <code>&#92;u00XX</code> in upper case);
 * {@code /}, DEL, non-ASCII characters and U+2028/U+2029 are written as UTF-8; a surrogate pair
 * is written as its 4-byte UTF-8 sequence.
 *
 * <p>Every feature that decides those bytes is set explicitly rather than left to Jackson's
 * defaults, because Jackson 3 changes several of them (it escapes {@code /}, for one) and an
 * upgrade must not change a body silently. The one deliberate difference from the hand-written
 * escaping this replaces: a lone surrogate (not valid Unicode, so no UTF-8 exists for it) is
 * written as the JSON escape <code>&#92;uD800</code>, which round-trips the Java string, where
 * the old {@code String.getBytes(UTF_8)} silently replaced it with {@code ?}.
 */
public final class Json {

  /** Thread-safe and shared; generators are cheap and per body. */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .enable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .disable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)
          .enable(JsonWriteFeature.QUOTE_FIELD_NAMES)
          // Full-precision doubles are Double.toString's digits, as the bodies had before.
          .disable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
          // Bodies are built in memory; a half-written body is never sent, so no auto-closing.
          .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
          .build();

  private Json() {}

  /**
   * A body's bytes: one array grown by doubling from the caller's size guess, so that a body
   * whose size was guessed well is one array, read as bytes with one copy (none if the guess was
   * exact) and as a String with one decode. Jackson's {@code ByteArrayBuilder} caps its blocks
   * at 128 KB, so a large body would cost an extra full copy.
   */
  public static final class Body extends ByteArrayOutputStream {

    /** A buffer of {@code capacity} bytes. */
    public Body(int capacity) {
      super(Math.max(capacity, 16));
    }

    /** The bytes written, in an array of exactly their length. */
    public byte[] bytes() {
      return count == buf.length ? buf : Arrays.copyOf(buf, count);
    }

    /** The bytes written, decoded. */
    public String string() {
      return toString(StandardCharsets.UTF_8);
    }
  }

  /** A UTF-8 generator that writes into {@code out}. */
  public static JsonGenerator generator(Body out) {
    try {
      return FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes {@code json} (which flushes it into {@code out}) and appends {@code suffix} unless it
   * is negative.
   */
  public static Body close(JsonGenerator json, Body out, int suffix) {
    try {
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (suffix >= 0) {
      out.write(suffix);
    }
    return out;
  }

  /** {@link #close} and {@link Body#bytes()}. */
  public static byte[] finish(JsonGenerator json, Body out, int suffix) {
    return close(json, out, suffix).bytes();
  }
}
