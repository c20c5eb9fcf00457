package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.meta.AppStatus;
import dev.pegasus.http.meta.MetaSnapshot;
import dev.pegasus.http.meta.Table;

/**
 * Finds the AVAILABLE table a {@code /meta/app} or {@code /meta/app_envs} request names: 404 when
 * no such table exists (dropped tables included), 409 with the table's status when it exists but is
 * not AVAILABLE (Pegasus answered 500 with {@code ERR_BUSY_CREATING} and the like).
 */
final class TableLookup {

  /**
   * Seconds a client should wait before asking again about a table that is being created or
   * dropped.
   */
  static final long BUSY_RETRY_AFTER_SECONDS = 1;

  private TableLookup() {}

  static Table available(MetaSnapshot snapshot, String name) throws EndpointException {
    Table table =
        snapshot
            .table(name)
            .orElseThrow(() -> EndpointException.notFound("table not found: \"" + name + "\""));
    AppStatus status = table.app().status();
    if (status == AppStatus.AVAILABLE) {
      return table;
    }
    EndpointException e =
        EndpointException.conflict(
            String.format(
                "table \"%s\" is %s, not AVAILABLE (%s); ask again when it is available",
                name, status, pegasusError(status)));
    boolean busy =
        status == AppStatus.CREATING
            || status == AppStatus.RECALLING
            || status == AppStatus.DROPPING;
    throw busy ? e.withHeader("Retry-After", Long.toString(BUSY_RETRY_AFTER_SECONDS)) : e;
  }

  /** The error Pegasus 2.0's configuration query gave for a table in this status. */
  static String pegasusError(AppStatus status) {
    return switch (status) {
      case CREATING, RECALLING -> "ERR_BUSY_CREATING";
      case DROPPING -> "ERR_BUSY_DROPPING";
      default -> "ERR_UNKNOWN";
    };
  }
}
