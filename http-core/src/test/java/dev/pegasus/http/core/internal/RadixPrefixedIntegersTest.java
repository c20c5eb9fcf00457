package dev.pegasus.http.core.internal;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.spi.Parameter;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** C's {@code strtoll} with base 0 over the whole string, as Pegasus's {@code buf2int32} uses it. */
final class RadixPrefixedIntegersTest {

  private static void reads(String raw, long expected) {
    assertWithMessage("\"%s\"", raw).that(RadixPrefixedIntegers.parse(raw)).isEqualTo(OptionalLong.of(expected));
  }

  private static void refuses(String raw) {
    assertWithMessage("\"%s\"", raw).that(RadixPrefixedIntegers.parse(raw)).isEqualTo(OptionalLong.empty());
  }

  @Test
  void decimal() {
    reads("0", 0);
    reads("2", 2);
    reads("2147483647", 2_147_483_647L);
    reads("+7", 7);
    reads("-7", -7);
    reads("-0", 0);
  }

  @Test
  void hexadecimalAfter0x() {
    reads("0x10", 16);
    reads("0X1f", 31);
    reads("-0x10", -16);
    reads("+0xFF", 255);
  }

  @Test
  void octalAfterALeadingZero() {
    reads("010", 8);
    reads("00", 0);
    refuses("08");
    refuses("09");
  }

  @Test
  void leadingWhiteSpaceIsSkippedTrailingIsNot() {
    reads(" 1", 1);
    reads("\t\n\u000b\f\r 1", 1);
    refuses("1 ");
    refuses(" ");
  }

  @Test
  void theWholeStringMustBeANumber() {
    refuses("");
    refuses("wrong");
    refuses("xxx");
    refuses("2xx");
    refuses("0x");
    refuses("0xg");
    refuses("0x1g");
    refuses("-");
    refuses("+");
    refuses("--1");
    refuses("1.0");
    refuses("1e3");
    refuses("\u0661"); // ARABIC-INDIC DIGIT ONE: a digit to Java, not to C
    refuses("1\u0000");
  }

  @Test
  void valuesOutsideLongAreRefusedAsStrtollsErange() {
    reads("9223372036854775807", Long.MAX_VALUE);
    reads("-9223372036854775808", Long.MIN_VALUE);
    refuses("9223372036854775808");
    refuses("-9223372036854775809");
    reads("0x7fffffffffffffff", Long.MAX_VALUE);
    refuses("0x8000000000000000");
    refuses("99999999999999999999999");
  }

  @Test
  void longValuesAreRefused() {
    reads(" ".repeat(RadixPrefixedIntegers.MAX_LENGTH - 1) + "1", 1);
    refuses(" ".repeat(RadixPrefixedIntegers.MAX_LENGTH) + "1");
    assertThat(RadixPrefixedIntegers.parse("0".repeat(RadixPrefixedIntegers.MAX_LENGTH + 1))).isEmpty();
  }

  @Test
  void onlyAnIntegerParameterTakesTheSyntaxAndKeepsItThroughItsModifiers() {
    Parameter p =
        Parameter.integer("app_id", "app_id", 0, 10).radixPrefixes().required().whenMissing("m").whenInvalid("i");
    assertThat(p.acceptsRadixPrefixes()).isTrue();
    assertThat(Parameter.integer("n", "n", 0, 1).acceptsRadixPrefixes()).isFalse();
    assertThrows(IllegalArgumentException.class, () -> Parameter.string("a", "a").radixPrefixes());
  }
}

