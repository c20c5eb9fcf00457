package dev.pegasus.http.core.internal;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.spi.EndpointException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The reference's uri_decoder_test table. */
final class PercentDecoderTest {

  private static final String PREFIX = "failed to parse request: ERR_INVALID_PARAMETERS: ";

  @Test
  void decodesAUrl() throws Exception {
    assertThat(
            PercentDecoder.decode(
                "http%3A%2F%2F127.0.0.1%3A34101%2FperfCounter%3Fname%3Dcollector*app%23_all_"))
        .isEqualTo("http://127.0.0.1:34101/perfCounter?name=collector*app#_all_");
  }

  @Test
  void decodesUtf8() throws Exception {
    assertThat(PercentDecoder.decode("%EB%B2%95%EC%A0%95%EB%8F%99"))
        .isEqualTo(new String(new byte[] {(byte) 0xEB, (byte) 0xB2, (byte) 0x95, (byte) 0xEC,
            (byte) 0xA0, (byte) 0x95, (byte) 0xEB, (byte) 0x8F, (byte) 0x99}, StandardCharsets.UTF_8));
  }

  @Test
  void decodesReservedCharacters() throws Exception {
    assertThat(PercentDecoder.decode("%21%23%24%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D"))
        .isEqualTo("!#$&'()*+,/:;=?@[]");
  }

  @Test
  void plusStaysPlusAndSpaceDecodes() throws Exception {
    assertThat(PercentDecoder.decode("a+b%20c")).isEqualTo("a+b c");
    assertThat(PercentDecoder.decode("%2b%2B")).isEqualTo("++");
  }

  @ParameterizedTest
  @CsvSource({"%", "%2", "abc%", "abc%4"})
  void partialEscapeAtTheEnd(String input) {
    EndpointException e = assertThrows(EndpointException.class, () -> PercentDecoder.decode(input));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.getMessage())
        .isEqualTo(PREFIX + "Encountered partial escape sequence at end of string");
  }

  @ParameterizedTest
  @CsvSource({"'%%%', '%%'", "'%2%', '2%'", "'%G0', 'G0'", "'%0G', '0G'", "'a%G0bc', 'G0bc'"})
  void nonHexEscapeQuotesTheRest(String input, String rest) {
    EndpointException e = assertThrows(EndpointException.class, () -> PercentDecoder.decode(input));
    assertThat(e.getMessage())
        .isEqualTo(
            PREFIX + "The characters " + rest
                + " do not form a hex value. Please escape it or pass a valid hex value");
  }
}
