package dev.pegasus.http.meta;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link TableOperations} call answered, as Pegasus prints it: an error code ({@code
 * ERR_OK}, {@code ERR_APP_NOT_EXIST}, ...) and a hint, empty on success.
 *
 * @param error Pegasus's error code name
 * @param hint the hint message
 */
public record TableOperationResult(String error, String hint) {

  private static final TableOperationResult OK = new TableOperationResult("ERR_OK", "");

  public TableOperationResult {
    requireNonNull(error, "error");
    requireNonNull(hint, "hint");
  }

  /** {@code ERR_OK} with an empty hint. */
  public static TableOperationResult ok() {
    return OK;
  }

  /** A failure: {@code error} (e.g. {@code ERR_CORRUPTION}) and its hint. */
  public static TableOperationResult failed(String error, String hint) {
    return new TableOperationResult(error, hint);
  }

  /**
   * Upstream's answer to a start while {@code appName} is bulk loading: {@code ERR_BUSY} / {@code
   * app(<name>) is already executing bulk load}.
   */
  public static TableOperationResult alreadyBulkLoading(String appName) {
    return new TableOperationResult("ERR_BUSY", "app(" + appName + ") is already executing bulk load");
  }

  /** True for {@code ERR_OK}. */
  public boolean isOk() {
    return error.equals("ERR_OK");
  }
}
