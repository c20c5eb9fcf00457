package dev.pegasus.http.core;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Integers read as Pegasus reads them, with C's {@code strtoll}/{@code strtoull} in base 0 over
 * the whole text ({@code buf2int32}, {@code buf2int64}, {@code buf2uint64}, and the flags of
 * {@code /updateConfig}): leading white space ({@code isspace} in the "C" locale), an optional
 * sign, then {@code 0x}/{@code 0X} and hexadecimal digits, or {@code 0} and octal digits, or
 * decimal digits, and nothing after them. So {@code " 0x10"} is 16, {@code "010"} is 8, and {@code
 * "1e3"}, {@code "12 "} and {@code "0x"} are refused.
 *
 * <p>Written by hand because no Java parser has C's base-0 rules ({@link Long#decode} refuses
 * white space and reads {@code #} as hexadecimal).
 */
public final class CIntegers {

  /** 2^64 - 1, the largest {@code uint64_t}. */
  public static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private CIntegers() {}

  /** The value of {@code text} in that syntax, of any size, or empty when it is not one. */
  public static Optional<BigInteger> parse(String text) {
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
    if (i + 2 < n && text.charAt(i) == '0' && (text.charAt(i + 1) | 0x20) == 'x'
        && Character.digit(text.charAt(i + 2), 16) >= 0) {
      // "0x" without a hexadecimal digit after it is strtoll's "0" followed by junk.
      radix = 16;
      i += 2;
    } else if (i < n && text.charAt(i) == '0') {
      radix = 8;
    }
    int start = i;
    while (i < n && text.charAt(i) < 0x80 && Character.digit(text.charAt(i), radix) >= 0) {
      i++;
    }
    if (i == start || i != n) {
      return Optional.empty();
    }
    BigInteger value = new BigInteger(text.substring(start), radix);
    return Optional.of(negative ? value.negate() : value);
  }

  /** The value within [{@code min}, {@code max}] ({@code strtoll} with a range check), or empty. */
  public static Optional<Long> signed(String text, long min, long max) {
    return parse(text)
        .filter(v -> v.compareTo(BigInteger.valueOf(min)) >= 0 && v.compareTo(BigInteger.valueOf(max)) <= 0)
        .map(BigInteger::longValueExact);
  }

  /**
   * The value within [0, {@code max}], or empty; as upstream, a minus sign is refused unless the
   * value is 0 ({@code "-0"} passes).
   */
  public static Optional<BigInteger> unsigned(String text, BigInteger max) {
    return parse(text).filter(v -> v.signum() >= 0 && v.compareTo(max) <= 0);
  }

  /** C's {@code isspace} in the "C" locale. */
  private static boolean isCSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
