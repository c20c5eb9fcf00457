package dev.pegasus.http.meta;

import java.util.Map;

/**
 * The meta's write side, beside {@link MetaState}: the host implements it and registers it with
 * the server. The endpoints ({@code /meta/app/start_compaction}, {@code /meta/app/usage_scenario},
 * {@code /meta/app/start_bulk_load}, {@code /meta/app/query_bulk_load}) decode and validate the
 * request, find the table in the {@link MetaState}'s snapshot, and only then call these methods; the
 * host applies. Without this service, the bulk-load endpoints answer 404 {@code bulk load is not
 * enabled} and the env writers 404 too. {@link InMemoryTableOperations} is the simple implementation.
 *
 * <pre>{@code
 * PegasusHttpServer.builder().role("meta")
 *     .service(MetaState.class, state)
 *     .service(TableOperations.class, new InMemoryTableOperations(state, bulkLoadRoot))
 *     ...
 * }</pre>
 */
public interface TableOperations {

  /**
   * Merges {@code envs} into the envs of the AVAILABLE table {@code appName} (other envs stay);
   * every key and value has passed {@link AppEnvValidator#check}. Returns {@link
   * TableOperationResult#ok()}, or an error the endpoint prints as it is (e.g. {@code
   * ERR_APP_NOT_EXIST} / {@code app cannot be found} when the table went away meanwhile).
   */
  TableOperationResult setEnvs(String appName, Map<String, String> envs);

  /**
   * Starts a bulk load of the AVAILABLE table {@code request.appName()}; the request's fields are
   * non-empty. The host checks and starts atomically (under its own lock): while the table is
   * bulk loading ({@link BulkLoadStatus#isInProgress()}) it answers {@link
   * TableOperationResult#alreadyBulkLoading} before any other check, so of concurrent starts at
   * most one is {@code ERR_OK}. Returns {@code ERR_OK}, or the error and hint of Pegasus's
   * synchronous checks (the provider, the {@code bulk_load_info} file, see {@link
   * BulkLoadInfo#check}).
   */
  TableOperationResult startBulkLoad(BulkLoadRequest request);

  /** The bulk-load status of the table {@code appName}; {@link BulkLoadStatus#INVALID} if never started. */
  BulkLoadStatus bulkLoadStatus(String appName);
}
