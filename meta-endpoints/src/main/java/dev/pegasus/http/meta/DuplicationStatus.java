package dev.pegasus.http.meta;

/** The status of a table's duplication (Pegasus 2.0's {@code duplication_status}). */
public enum DuplicationStatus {
  INIT,
  START,
  PAUSE,
  REMOVED;

  /** The name {@code /meta/app/duplication} prints, e.g. {@code DS_START}. */
  public String wireName() {
    return "DS_" + name();
  }
}
