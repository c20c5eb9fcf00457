package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.meta.TableOperations;
import java.util.Optional;

/** The 404s of the table-operation endpoints on a meta whose host registered no {@link TableOperations}. */
final class TableOperationsMissing {

  /** Pegasus's text when the bulk-load service has not started. */
  static final String BULK_LOAD_NOT_ENABLED = "bulk load is not enabled";

  /** Ours, for the env writers (Pegasus always has its server state). */
  static final String NOT_ENABLED =
      "table operations are not enabled on this meta server (its host registered no TableOperations)";

  private TableOperationsMissing() {}

  static TableOperations orNotFound(Optional<TableOperations> operations, String message)
      throws EndpointException {
    return operations.orElseThrow(() -> EndpointException.notFound(message));
  }
}
