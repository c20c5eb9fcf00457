package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pegasus.http.core.internal.Json.Body;
import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.bench.HandWrittenJsonBaseline;
import dev.pegasus.http.core.internal.ErrorResponses;
import dev.pegasus.http.core.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jackson, as {@link Json} configures it, writes the bytes the hand-written escaping wrote before
 * ({@link HandWrittenJsonBaseline}, the old {@code JsonText} kept as a baseline): every character
 * is checked, in values and keys of every writer, and the characters where Jackson's defaults
 * could differ are pinned as literal bytes.
 */
final class JsonEscapingTest {

  /** The one body of each writer around {@code s}, as a value and as a key. */
  private static List<byte[]> bodies(String s) {
    return List.of(
        new TableJsonWriter().beginObject().field("k", s).endObject().finishBytes(),
        new TableJsonWriter().beginObject().field(s, 1).endObject().finishBytes(),
        SortedJson.writeBytes(ImmutableMap.of("k", s)),
        SortedJson.writeBytes(ImmutableMap.of(s, 1)),
        new PrettyJsonWriter().beginObject().field("k", s).endObject().finishBytes(),
        SortedPrettyJson.writeBytes(ImmutableMap.of(s, s)));
  }

  /** What the old code sent for the same bodies. */
  private static List<byte[]> oldBodies(String s) {
    String q = quoted(s);
    return List.of(
        ("{\"k\":" + q + "}\n").getBytes(UTF_8),
        ("{" + q + ":\"1\"}\n").getBytes(UTF_8),
        ("{\"k\":" + q + "}").getBytes(UTF_8),
        ("{" + q + ":1}").getBytes(UTF_8),
        ("{\n    \"k\": " + q + "\n}").getBytes(UTF_8),
        ("{\n  " + q + ": " + q + "\n}").getBytes(UTF_8));
  }

  private static String quoted(String s) {
    return HandWrittenJsonBaseline.appendQuoted(new StringBuilder(), s).toString();
  }

  @Test
  void everyBmpCharacterIsWrittenAsBefore() {
    List<String> differences = new ArrayList<>();
    for (int c = 0; c <= 0xFFFF; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      String s = "a" + (char) c + "b";
      List<byte[]> now = bodies(s);
      List<byte[]> before = oldBodies(s);
      for (int i = 0; i < now.size(); i++) {
        if (!java.util.Arrays.equals(now.get(i), before.get(i))) {
          differences.add(String.format("U+%04X in body %d: %s", c, i, new String(now.get(i), UTF_8)));
        }
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void supplementaryCharactersAreFourByteUtf8AsBefore() {
    Random random = new Random(42);
    List<Integer> codePoints = new ArrayList<>(List.of(0x10000, 0x1F600, 0x10FFFF));
    for (int i = 0; i < 2000; i++) {
      codePoints.add(0x10000 + random.nextInt(0x100000));
    }
    for (int cp : codePoints) {
      String s = "x" + Character.toString(cp) + "y";
      List<byte[]> now = bodies(s);
      List<byte[]> before = oldBodies(s);
      for (int i = 0; i < now.size(); i++) {
        assertWithMessage("U+%s in body %s", Integer.toHexString(cp), i)
            .that(now.get(i))
            .isEqualTo(before.get(i));
      }
    }
    assertThat(new TableJsonWriter().beginObject().field("k", "😀").endObject().finishBytes())
        .isEqualTo(new byte[] {'{', '"', 'k', '"', ':', '"', (byte) 0xF0, (byte) 0x9F, (byte) 0x98,
            (byte) 0x80, '"', '}', '\n'});
  }

  @Test
  void charactersJacksonCouldEscapeDifferentlyArePinned() {
    // "/" unescaped (Jackson 3 escapes it by default), DEL and non-ASCII as UTF-8, U+2028/2029
    // as UTF-8 (a JSONP-safe writer would escape them), controls in upper-case hex or short form.
    String body =
        new TableJsonWriter()
            .beginObject()
            .field("k", "/ \u007f ü € \u2028\u2029 \u0000\u0001\u001f\u000b \b\f\n\r\t \" \\")
            .endObject()
            .finish();
    assertThat(body)
        .isEqualTo(
            "{\"k\":\"/ \u007f ü € \u2028\u2029 \\u0000\\u0001\\u001F\\u000B \\b\\f\\n\\r\\t \\\" \\\\\"}\n");
  }

  /**
   * The one deliberate difference: a lone surrogate has no UTF-8 form. The old code put it in a
   * String and {@code getBytes(UTF_8)} replaced it with {@code ?}; Jackson writes its escape,
   * which is valid JSON and reads back as the same Java string.
   */
  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "\uDBFF", "\uDC00", "\uDFFF"})
  void loneSurrogatesAreEscapedNotReplaced(String surrogate) {
    String hex = String.format("%04X", (int) surrogate.charAt(0));
    assertThat(new TableJsonWriter().beginObject().field("k", "a" + surrogate + "b").endObject().finish())
        .isEqualTo("{\"k\":\"a\\u" + hex + "b\"}\n");
    assertThat(SortedJson.write(List.of("a" + surrogate))).isEqualTo("[\"a\\u" + hex + "\"]");
    assertThat(new String(HandWrittenJsonBaseline.quotedBytes("a" + surrogate + "b"), UTF_8))
        .isEqualTo("\"a?b\"");
  }

  @Test
  void errorEnvelopeEscapesAsBeforeAndQuotesThePathBounded() {
    String message = "table not found: \"a/ü\u2028\t\"";
    String path = "/x\u0001y";
    String expected =
        "{\"status\":404,\"error\":\"Not Found\",\"message\":"
            + quoted(message)
            + ",\"path\":"
            + quoted("/x\\x01y")
            + "}\n";
    assertThat(new String(ErrorResponses.envelope(404, message, path), UTF_8)).isEqualTo(expected);
    assertThat(new String(ErrorResponses.envelope(404, "m", "/" + "a".repeat(300)), UTF_8))
        .endsWith("\"path\":\"/" + "a".repeat(255) + "...(45 more characters)\"}\n");
  }

  @Test
  void errorEnvelopeIsByteForByteTheOldOneForEveryCharacter() {
    for (int c = 0; c <= 0xFFFF; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      String s = "m" + (char) c;
      String old =
          "{\"status\":400,\"error\":\"Bad Request\",\"message\":" + quoted(s) + ",\"path\":"
              + quoted(dev.pegasus.http.core.internal.ErrorText.path("/" + s)) + "}\n";
      byte[] now = ErrorResponses.envelope(400, s, "/" + s);
      if (!java.util.Arrays.equals(now, old.getBytes(UTF_8))) {
        assertWithMessage("U+%s", Integer.toHexString(c)).that(new String(now, UTF_8)).isEqualTo(old);
      }
    }
  }

  /** {@code /perfCounters} writes doubles with {@code writeNumber(double)}: Double.toString's text. */
  @Test
  void fullPrecisionDoublesAreDoubleToString() throws IOException {
    Random random = new Random(7);
    List<Double> values =
        new ArrayList<>(
            List.of(0.0, -0.0, 1.0, 12.0, 0.1, 1e-7, 1e21, 1.23e21, 1e7, 1e-3, 9.999999e-4,
                Double.MIN_VALUE, Double.MAX_VALUE, 2.82879384806159e17, 1.0E23, 4.35, 5e-324));
    for (int i = 0; i < 20_000; i++) {
      values.add(Double.longBitsToDouble(random.nextLong()));
      values.add(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
    }
    for (double d : values) {
      if (!Double.isFinite(d)) {
        continue;
      }
      Body out = new Body(16);
      JsonGenerator json = Json.generator(out);
      json.writeNumber(d);
      assertWithMessage("%s", d)
          .that(new String(Json.finish(json, out, -1), UTF_8))
          .isEqualTo(Double.toString(d));
    }
  }
}
