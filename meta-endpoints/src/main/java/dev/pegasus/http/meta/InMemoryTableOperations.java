package dev.pegasus.http.meta;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TableOperations} over an {@link InMemoryMetaState}, for tests and simple hosts: envs are
 * merged into the table's {@link AppInfo#envs()} in the next snapshot; a bulk load is checked with
 * {@link BulkLoadInfo#check} and then stays {@link BulkLoadStatus#DOWNLOADING} until the host moves
 * it on with {@link #setBulkLoadStatus}.
 *
 * <pre>{@code
 * InMemoryMetaState state = new InMemoryMetaState(snapshot);
 * InMemoryTableOperations operations = new InMemoryTableOperations(state);
 * builder.service(MetaState.class, state).service(TableOperations.class, operations);
 * }</pre>
 */
public final class InMemoryTableOperations implements TableOperations {

  private final InMemoryMetaState state;
  private final Map<String, BulkLoadStatus> bulkLoads = new ConcurrentHashMap<>();

  public InMemoryTableOperations(InMemoryMetaState state) {
    this.state = requireNonNull(state, "state");
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
  public TableOperationResult startBulkLoad(BulkLoadRequest request) {
    Optional<Table> table = state.snapshot().table(request.appName());
    if (table.isEmpty()) {
      return TableOperationResult.failed("ERR_APP_NOT_EXIST", "app not existed is ");
    }
    TableOperationResult checked = BulkLoadInfo.check(request, table.get().app());
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
  public void setBulkLoadStatus(String appName, BulkLoadStatus status) {
    bulkLoads.put(requireNonNull(appName, "appName"), requireNonNull(status, "status"));
  }
}
