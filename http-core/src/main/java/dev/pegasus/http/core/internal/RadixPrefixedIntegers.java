package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.CIntegers;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads an integer as C's {@code strtoll(s, &end, 0)} does when the whole string must be
 * consumed, which is Pegasus's {@code buf2int32}/{@code buf2int64}: leading white space ({@code
 * isspace}), an optional sign, then {@code 0x}/{@code 0X} and hexadecimal digits, or {@code 0} and
 * octal digits, or decimal digits ({@link CIntegers}), at most {@link #MAX_LENGTH} characters.
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
    Optional<Long> value = CIntegers.signed(raw, Long.MIN_VALUE, Long.MAX_VALUE);
    return value.isPresent() ? OptionalLong.of(value.get()) : OptionalLong.empty();
  }
}
