package dev.pegasus.http.core.internal;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.spi.EndpointException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RequestFramingTest {

  private static int status(List<String> te, List<String> cl) {
    return assertThrows(EndpointException.class, () -> RequestFraming.of(te, cl)).status();
  }

  @Test
  void exactlyOneFinalChunkedIsAccepted() throws Exception {
    assertThat(RequestFraming.of(List.of("chunked"), List.of())).isEqualTo(RequestFraming.Kind.CHUNKED);
    assertThat(RequestFraming.of(List.of(), List.of("12"))).isEqualTo(RequestFraming.Kind.LENGTH);
    assertThat(RequestFraming.of(List.of(), List.of("0"))).isEqualTo(RequestFraming.Kind.NONE);
    assertThat(RequestFraming.of(List.of(), List.of("7", "7, 7"))).isEqualTo(RequestFraming.Kind.LENGTH);
  }

  @Test
  void everyOtherTransferEncodingIsRefused() {
    assertThat(status(List.of("xchunked"), List.of())).isEqualTo(400);
    assertThat(status(List.of("chunked, identity"), List.of())).isEqualTo(400);
    assertThat(status(List.of("CHUNKED"), List.of())).isEqualTo(400);
    assertThat(status(List.of("chunked", "chunked"), List.of())).isEqualTo(400);
    assertThat(status(List.of("chunked,"), List.of())).isEqualTo(400);
    assertThat(status(List.of("gzip, chunked"), List.of())).isEqualTo(501);
    assertThat(status(List.of("identity"), List.of())).isEqualTo(400);
  }

  @Test
  void contentLengthMustBeOneDecimalNumber() {
    assertThat(status(List.of("chunked"), List.of("5"))).isEqualTo(400);
    assertThat(status(List.of(), List.of("5", "6"))).isEqualTo(400);
    assertThat(status(List.of(), List.of("+5"))).isEqualTo(400);
    assertThat(status(List.of(), List.of("0x10"))).isEqualTo(400);
    assertThat(status(List.of(), List.of(""))).isEqualTo(400);
    assertThat(status(List.of(), List.of("9".repeat(19)))).isEqualTo(400);
  }

  @Test
  void refusalsQuoteABoundedPrefix() {
    EndpointException e =
        assertThrows(
            EndpointException.class, () -> RequestFraming.of(List.of("x".repeat(10_000)), List.of()));
    assertThat(e.getMessage().length()).isLessThan(200);
  }

  private static String decode(String raw) throws ChunkedDecoder.MalformedChunkException {
    ChunkedDecoder decoder = new ChunkedDecoder();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
    // one byte at a time: every state must survive a split anywhere
    for (int i = 0; i < bytes.length && !decoder.isDone(); i++) {
      decoder.feed(bytes, i, 1, out::write);
    }
    assertThat(decoder.isDone()).isTrue();
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static String malformed(String raw) {
    ChunkedDecoder decoder = new ChunkedDecoder();
    byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
    return assertThrows(
            ChunkedDecoder.MalformedChunkException.class,
            () -> decoder.feed(bytes, 0, bytes.length, (b, o, l) -> {}))
        .getMessage();
  }

  @Test
  void decodesChunksExtensionsAndTrailers() throws Exception {
    assertThat(decode("5\r\nhello\r\n0\r\n\r\n")).isEqualTo("hello");
    assertThat(decode("A;x=\"y\"\r\n0123456789\r\n1 ;z\r\n!\r\n000\r\nX-T: 1\r\n\r\n")).isEqualTo("0123456789!");
    assertThat(decode("0\r\n\r\n")).isEmpty();
  }

  @Test
  void reportsWhereTheBodyEnds() throws Exception {
    ChunkedDecoder decoder = new ChunkedDecoder();
    byte[] bytes = "1\r\na\r\n0\r\n\r\nGET / HTTP/1.1".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(decoder.feed(bytes, 0, bytes.length, (b, o, l) -> {})).isEqualTo(11);
    assertThat(decoder.decodedBytes()).isEqualTo(1);
  }

  @Test
  void refusesEveryLenientForm() {
    assertThat(malformed("5\nhello\r\n0\r\n\r\n")).contains("chunk size");
    assertThat(malformed("5\r\nhello\n0\r\n\r\n")).contains("CRLF");
    assertThat(malformed("5zz\r\nhello\r\n")).contains("invalid character 'z'");
    assertThat(malformed("\r\nhello\r\n")).contains("chunk size missing");
    assertThat(malformed("5\r\nhelloXY\r\n")).contains("longer than its size");
    assertThat(malformed("5 \r\nhello\r\n")).contains("followed by ;");
    assertThat(malformed("5;a\u0001\r\n")).contains("control character");
    assertThat(malformed("0\r\nX: a\nb\r\n\r\n")).contains("trailer");
    assertThat(malformed("1".repeat(16) + "\r\n")).contains("more than 15 digits");
    assertThat(malformed("5\rhello")).contains("CR not followed by LF");
  }
}
