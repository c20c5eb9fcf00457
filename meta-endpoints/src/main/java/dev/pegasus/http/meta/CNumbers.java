package dev.pegasus.http.meta;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Pegasus's {@code buf2int32}, {@code buf2int64} and {@code buf2uint64} ({@code strtoll} /
 * {@code strtoull} with base 0 over the whole text): leading white space, an optional sign, then
 * {@code 0x} hexadecimal, {@code 0} octal or decimal digits, and nothing after them. Hand-written
 * because env values must be accepted exactly as upstream accepts them ({@code " 0x10"} is 16,
 * {@code "1e3"} is refused), which {@link Long#decode} does not do.
 */
final class CNumbers {

  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private CNumbers() {}

  /** The signed value within [{@code min}, {@code max}], or empty. */
  static Optional<Long> signed(String text, long min, long max) {
    return parse(text)
        .filter(v -> v.compareTo(BigInteger.valueOf(min)) >= 0 && v.compareTo(BigInteger.valueOf(max)) <= 0)
        .map(BigInteger::longValueExact);
  }

  /** The unsigned 64-bit value (as upstream, {@code "-0"} passes and any other negative fails). */
  static Optional<BigInteger> unsigned64(String text) {
    return parse(text)
        .filter(v -> v.signum() == 0 || (v.signum() > 0 && text.indexOf('-') < 0))
        .filter(v -> v.compareTo(UINT64_MAX) <= 0);
  }

  private static Optional<BigInteger> parse(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && isCSpace(text.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    int radix = 10;
    if (i + 1 < n && text.charAt(i) == '0' && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
        && i + 2 < n && Character.digit(text.charAt(i + 2), 16) >= 0) {
      radix = 16;
      i += 2;
    } else if (i < n && text.charAt(i) == '0') {
      radix = 8;
    }
    int start = i;
    while (i < n && Character.digit(text.charAt(i), radix) >= 0 && text.charAt(i) < 128) {
      i++;
    }
    if (i == start || i != n) {
      return Optional.empty();
    }
    BigInteger value = new BigInteger(text.substring(start, n), radix);
    return Optional.of(negative ? value.negate() : value);
  }

  private static boolean isCSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }
}
