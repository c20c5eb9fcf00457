package dev.pegasus.http.meta;

/**
 * The status of a table's duplication: Pegasus 2.0's {@code duplication_status} ({@code INIT},
 * {@code START}, {@code PAUSE}, {@code REMOVED}) and master's ({@code INIT}, {@code PREPARE},
 * {@code APP}, {@code LOG}, {@code PAUSE}, {@code REMOVED}).
 */
public enum DuplicationStatus {
  INIT,
  /** 2.0 only. */
  START,
  PAUSE,
  REMOVED,
  /** Master: the remote table is being created. */
  PREPARE,
  /** Master: the existing data is being copied. */
  APP,
  /** Master: the log is being shipped. */
  LOG;

  /** The name {@code /meta/app/duplication} prints, e.g. {@code DS_START}. */
  public String wireName() {
    return "DS_" + name();
  }
}
