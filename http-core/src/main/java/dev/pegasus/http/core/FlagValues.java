package dev.pegasus.http.core;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses and prints flag values as Pegasus does: C's {@code strtoll}/{@code strtoull} base-0 rules
 * for integers over the whole string with a range check, {@code strtod} for doubles (finite only),
 * {@code true}/{@code false} in any case for booleans; doubles print with two decimals.
 */
final class FlagValues {

  private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger UINT32_MAX = BigInteger.valueOf(0xFFFF_FFFFL);
  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger UINT64_MAX = CIntegers.UINT64_MAX;

  private FlagValues() {}

  /** The value of {@code text} for a flag of {@code type}, or empty when it does not parse. */
  static Optional<Object> parse(FlagType type, String text) {
    return switch (type) {
      case BOOL -> text.equalsIgnoreCase("true")
          ? Optional.of(Boolean.TRUE)
          : text.equalsIgnoreCase("false") ? Optional.of(Boolean.FALSE) : Optional.empty();
      case INT32 -> integer(text, false).filter(v -> within(v, INT32_MIN, INT32_MAX)).map(BigInteger::longValue);
      case INT64 -> integer(text, false).filter(v -> within(v, INT64_MIN, INT64_MAX)).map(BigInteger::longValue);
      case UINT32 -> integer(text, true).filter(v -> within(v, BigInteger.ZERO, UINT32_MAX)).map(BigInteger::longValue);
      case UINT64 -> integer(text, true).filter(v -> within(v, BigInteger.ZERO, UINT64_MAX)).map(BigInteger::longValue);
      case DOUBLE -> decimal(text).map(d -> d);
      case STRING -> Optional.of(text);
    };
  }

  /** How {@code /config} prints a value of {@code type}. */
  static String print(FlagType type, Object value) {
    return switch (type) {
      case DOUBLE -> Decimals.twoPlaces((Double) value);
      case UINT64 -> Long.toUnsignedString((Long) value);
      default -> String.valueOf(value);
    };
  }

  private static boolean within(BigInteger v, BigInteger min, BigInteger max) {
    return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
  }

  /** strtoll/strtoull with base 0 ({@link CIntegers}); unsigned refuses a non-zero negative. */
  private static Optional<BigInteger> integer(String text, boolean unsigned) {
    return CIntegers.parse(text).filter(v -> !unsigned || v.signum() >= 0);
  }

  private static Optional<Double> decimal(String text) {
    String t = text;
    int start = 0;
    while (start < t.length() && isCSpace(t.charAt(start))) {
      start++;
    }
    t = t.substring(start);
    if (t.isEmpty() || isCSpace(t.charAt(t.length() - 1))) {
      return Optional.empty();
    }
    char last = Character.toLowerCase(t.charAt(t.length() - 1));
    // Java's parser also takes the "d" and "f" suffixes of Java literals, which strtod does not.
    if ((last == 'd' || last == 'f') && !t.toLowerCase(Locale.ROOT).startsWith("0x")) {
      return Optional.empty();
    }
    try {
      double d = Double.parseDouble(t);
      return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isCSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }
}
