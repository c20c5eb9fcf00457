package dev.pegasus.http.meta;

/** The bulk-load status of a table (Pegasus's {@code bulk_load_status}). */
public enum BulkLoadStatus {
  INVALID,
  DOWNLOADING,
  DOWNLOADED,
  INGESTING,
  SUCCEED,
  FAILED,
  PAUSING,
  PAUSED,
  CANCELED;

  /** The name {@code query_bulk_load} prints: {@code replication::bulk_load_status::BLS_SUCCEED}. */
  public String wireName() {
    return "replication::bulk_load_status::BLS_" + name();
  }

  /** True while a bulk load holds the table (a second start is {@code ERR_BUSY}). */
  public boolean isInProgress() {
    return this == DOWNLOADING || this == DOWNLOADED || this == INGESTING || this == PAUSING || this == PAUSED;
  }
}
