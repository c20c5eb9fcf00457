package dev.pegasus.http.meta;

/**
 * What a duplication does when shipping a mutation fails (Pegasus's {@code duplication_fail_mode}).
 */
public enum DuplicationFailMode {
  /** Retry until it succeeds; the default. */
  SLOW,
  /** Skip the mutation. */
  SKIP,
  /** Stop the duplication. */
  FAST;

  /** The name {@code /meta/app/duplication} prints, e.g. {@code FAIL_SLOW}. */
  public String wireName() {
    return "FAIL_" + name();
  }
}
