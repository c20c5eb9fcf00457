package dev.pegasus.http.replica.spi;

import java.util.Locale;

/**
 * Where a replica is in a manual compaction, as Pegasus's {@code manual_compaction_status}: never
 * compacted manually, waiting for its turn, compacting, or done with its last one (it stays
 * finished until the next trigger). {@code /replica/manual_compaction} counts replicas per status.
 */
public enum ManualCompactionStatus {
  /** No manual compaction queued, running or finished since the replica opened. */
  IDLE,
  /** Triggered, waiting for a slot. */
  QUEUING,
  /** Compacting now. */
  RUNNING,
  /** The last manual compaction finished; no newer one is queued or running. */
  FINISHED;

  /** The key on the wire: {@code idle}, {@code queuing}, {@code running}, {@code finished}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
