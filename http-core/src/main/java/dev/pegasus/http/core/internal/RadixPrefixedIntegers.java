package dev.pegasus.http.core.internal;

import java.util.OptionalLong;

/**
 * Reads an integer as C's {@code strtoll(s, &end, 0)} does when the whole string must be
 * consumed, which is Pegasus's {@code buf2int32}/{@code buf2int64}: leading white space ({@code
 * isspace}), an optional sign, then {@code 0x}/{@code 0X} and hexadecimal digits, or {@code 0} and
 * octal digits, or decimal digits. Written by hand because no Java parser has C's base-0 rules
 * ({@link Long#decode} refuses white space and reads {@code #} as hexadecimal).
 */
final class RadixPrefixedIntegers {

  /** Longer values are refused, so that an error quoting one stays short. */
  static final int MAX_LENGTH = 32;

  private RadixPrefixedIntegers() {}

  /**
   * The value of {@code raw}, or empty when it is not a whole number in that syntax, is longer
   * than {@link #MAX_LENGTH}, or does not fit a {@code long} ({@code strtoll}'s {@code ERANGE}).
   */
  static OptionalLong parse(String raw) {
    if (raw.isEmpty() || raw.length() > MAX_LENGTH) {
      return OptionalLong.empty();
    }
    int i = 0;
    while (i < raw.length() && isSpace(raw.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < raw.length() && (raw.charAt(i) == '+' || raw.charAt(i) == '-')) {
      negative = raw.charAt(i) == '-';
      i++;
    }
    int radix = 10;
    if (i + 1 < raw.length() && raw.charAt(i) == '0' && (raw.charAt(i + 1) | 0x20) == 'x'
        && i + 2 < raw.length() && Character.digit(raw.charAt(i + 2), 16) >= 0) {
      // "0x" without a hexadecimal digit after it is strtoll's "0" followed by junk.
      radix = 16;
      i += 2;
    } else if (i < raw.length() && raw.charAt(i) == '0') {
      radix = 8;
    }
    if (i == raw.length()) {
      return OptionalLong.empty();
    }
    // Accumulated as a negative number (as Long.parseLong does), so that Long.MIN_VALUE fits.
    long value = 0;
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long multiplyLimit = limit / radix;
    for (; i < raw.length(); i++) {
      char c = raw.charAt(i);
      int digit = c > 0x7f ? -1 : Character.digit(c, radix);
      if (digit < 0 || value < multiplyLimit) {
        return OptionalLong.empty();
      }
      value *= radix;
      if (value < limit + digit) {
        return OptionalLong.empty();
      }
      value -= digit;
    }
    return OptionalLong.of(negative ? value : -value);
  }

  /** C's {@code isspace} in the "C" locale. */
  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
