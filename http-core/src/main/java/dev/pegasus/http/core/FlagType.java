package dev.pegasus.http.core;

/**
 * The types of configuration flags, named as Pegasus prints them ({@code FV_UINT32}), with the
 * parsing rules of its {@code /updateConfig}: integers in C's base-0 form ({@code 0x10} is 16,
 * {@code 010} is 8, leading blanks and {@code +} accepted, range-checked, no {@code -} in a non-zero
 * unsigned value), booleans {@code true}/{@code false} in any case, doubles finite.
 */
public enum FlagType {
  BOOL("FV_BOOL"),
  INT32("FV_INT32"),
  UINT32("FV_UINT32"),
  INT64("FV_INT64"),
  UINT64("FV_UINT64"),
  DOUBLE("FV_DOUBLE"),
  STRING("FV_STRING");

  private final String wireName;

  FlagType(String wireName) {
    this.wireName = wireName;
  }

  /** {@code FV_BOOL}, {@code FV_INT32}, ...: the {@code type} field of the flag JSON. */
  public String wireName() {
    return wireName;
  }

  /** True for the four integer types, whose values are {@code Long}s (unsigned for uint64). */
  public boolean isInteger() {
    return this == INT32 || this == UINT32 || this == INT64 || this == UINT64;
  }
}
