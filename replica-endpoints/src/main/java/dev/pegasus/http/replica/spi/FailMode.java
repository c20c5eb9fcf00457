package dev.pegasus.http.replica.spi;

/** What a duplication does when shipping a mutation fails; the names are Pegasus's. */
public enum FailMode {
  /** Retry until the mutation ships (the default). */
  FAIL_SLOW,
  /** Skip the mutation and go on. */
  FAIL_SKIP,
  /** Stop the duplication. */
  FAIL_FAST
}
