package dev.pegasus.http.meta;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TableOperations} over an {@link InMemoryMetaState}, for tests and simple hosts: envs are
 * merged into the table's {@link AppInfo#envs()} in the next snapshot; a bulk load is checked with
 * {@link BulkLoadInfo#check} against files under the {@code local_service} root given here, and
 * then stays {@link BulkLoadStatus#DOWNLOADING} until the host moves it on with {@link
 * #setBulkLoadStatus}.
 *
 * <pre>{@code
 * InMemoryMetaState state = new InMemoryMetaState(snapshot);
 * InMemoryTableOperations operations = new InMemoryTableOperations(state, Path.of("/data/bulk"));
 * builder.service(MetaState.class, state).service(TableOperations.class, operations);
 * }</pre>
 */
public final class InMemoryTableOperations implements TableOperations {

  private final InMemoryMetaState state;
  private final Path bulkLoadRoot;
  private final Map<String, BulkLoadStatus> bulkLoads = new ConcurrentHashMap<>();

  /**
   * @param state the tables
   * @param bulkLoadRoot the {@code local_service} root: every {@code bulk_load_info} is read under it
   */
  public InMemoryTableOperations(InMemoryMetaState state, Path bulkLoadRoot) {
    this.state = requireNonNull(state, "state");
    this.bulkLoadRoot = requireNonNull(bulkLoadRoot, "bulkLoadRoot");
  }

  @Override
  public TableOperationResult setEnvs(String appName, Map<String, String> envs) {
    boolean[] found = {false};
    state.update(
        s -> {
          Optional<Table> table = s.table(appName);
          found[0] = table.isPresent();
          return table.map(t -> s.toBuilder().table(t.withApp(t.app().withEnvsMerged(envs))).build()).orElse(s);
        });
    return found[0] ? TableOperationResult.ok() : TableOperationResult.failed("ERR_APP_NOT_EXIST", "app cannot be found");
  }

  @Override
  public synchronized TableOperationResult startBulkLoad(BulkLoadRequest request) {
    Optional<Table> table = state.snapshot().table(request.appName());
    if (table.isEmpty()) {
      return TableOperationResult.failed("ERR_APP_NOT_EXIST", "app not existed is ");
    }
    if (bulkLoadStatus(request.appName()).isInProgress()) {
      return TableOperationResult.alreadyBulkLoading(request.appName());
    }
    TableOperationResult checked = BulkLoadInfo.check(bulkLoadRoot, request, table.get().app());
    if (checked.isOk()) {
      bulkLoads.put(request.appName(), BulkLoadStatus.DOWNLOADING);
    }
    return checked;
  }

  @Override
  public BulkLoadStatus bulkLoadStatus(String appName) {
    return bulkLoads.getOrDefault(appName, BulkLoadStatus.INVALID);
  }

  /** Moves the bulk load of {@code appName} to {@code status}, as the replicas' progress would. */
  public synchronized void setBulkLoadStatus(String appName, BulkLoadStatus status) {
    bulkLoads.put(requireNonNull(appName, "appName"), requireNonNull(status, "status"));
  }
}
