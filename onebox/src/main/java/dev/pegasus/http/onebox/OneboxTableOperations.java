package dev.pegasus.http.onebox;

import dev.pegasus.http.meta.AppInfo;
import dev.pegasus.http.meta.BulkLoadInfo;
import dev.pegasus.http.meta.BulkLoadRequest;
import dev.pegasus.http.meta.BulkLoadStatus;
import dev.pegasus.http.meta.TableOperationResult;
import dev.pegasus.http.meta.TableOperations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The onebox metas' write side: envs are written to ZooKeeper first ({@link ZooKeeperTableEnvs}),
 * then into the {@link ClusterModel}, from which the metas' snapshot ({@code /meta/app_envs},
 * {@code envs_count}) and the replicas' views are published; a bulk load is checked against its
 * {@code bulk_load_info} file under the {@code local_service} root ({@code --bulk-load-root}) and
 * then moves DOWNLOADING, DOWNLOADED,
 * INGESTING, SUCCEED, one step per {@code step}, on a timer. Shared by every meta of the onebox:
 * only the primary's endpoints call it (backups redirect).
 */
final class OneboxTableOperations implements TableOperations, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OneboxTableOperations.class);
  private static final List<BulkLoadStatus> STEPS =
      List.of(BulkLoadStatus.DOWNLOADED, BulkLoadStatus.INGESTING, BulkLoadStatus.SUCCEED);

  private final ClusterModel model;
  private final ZooKeeperTableEnvs store;
  private final Runnable publish;
  private final Duration step;
  private final Path bulkLoadRoot;
  private final Map<String, BulkLoadStatus> bulkLoads = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "onebox-bulk-load");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param publish pushes the model's current state to the metas (and replicas), after a change
   * @param step how long each bulk-load status lasts
   * @param bulkLoadRoot the {@code local_service} root every {@code bulk_load_info} is read under
   */
  OneboxTableOperations(
      ClusterModel model, ZooKeeperTableEnvs store, Runnable publish, Duration step, Path bulkLoadRoot) {
    this.model = model;
    this.store = store;
    this.publish = publish;
    this.step = step;
    this.bulkLoadRoot = bulkLoadRoot;
  }

  /**
   * Brings the model and ZooKeeper in line at start: a table whose envs ZooKeeper holds (from an
   * earlier run on an external ZooKeeper) takes them; the others' envs are stored.
   */
  void loadOrSeed() throws Exception {
    for (AppInfo app : model.apps()) {
      Optional<Map<String, String>> stored = store.read(app.appId());
      if (stored.isPresent()) {
        model.envs(app.appName(), stored.get());
      } else {
        store.write(app.appId(), app.envs());
      }
    }
  }

  @Override
  public synchronized TableOperationResult setEnvs(String appName, Map<String, String> envs) {
    Optional<AppInfo> app = model.app(appName);
    if (app.isEmpty()) {
      return TableOperationResult.failed("ERR_APP_NOT_EXIST", "app cannot be found");
    }
    Map<String, String> merged = new HashMap<>(app.get().withEnvsMerged(envs).envs());
    try {
      store.write(app.get().appId(), merged);
    } catch (Exception e) {
      log.warn("storing the envs of {} in ZooKeeper failed", appName, e);
      return TableOperationResult.failed("ERR_ZOOKEEPER_OPERATION", "storing the envs in ZooKeeper failed");
    }
    model.envs(appName, merged);
    publish.run();
    return TableOperationResult.ok();
  }

  @Override
  public synchronized TableOperationResult startBulkLoad(BulkLoadRequest request) {
    Optional<AppInfo> app = model.app(request.appName());
    if (app.isEmpty()) {
      return TableOperationResult.failed("ERR_APP_NOT_EXIST", "app not existed is ");
    }
    // checked under this object's lock, so that of concurrent starts only one schedules the timers
    if (bulkLoadStatus(request.appName()).isInProgress()) {
      return TableOperationResult.alreadyBulkLoading(request.appName());
    }
    TableOperationResult checked = BulkLoadInfo.check(bulkLoadRoot, request, app.get());
    if (!checked.isOk()) {
      return checked;
    }
    bulkLoads.put(request.appName(), BulkLoadStatus.DOWNLOADING);
    for (int i = 0; i < STEPS.size(); i++) {
      BulkLoadStatus next = STEPS.get(i);
      timer.schedule(
          () -> bulkLoads.put(request.appName(), next), step.toMillis() * (i + 1), TimeUnit.MILLISECONDS);
    }
    return TableOperationResult.ok();
  }

  @Override
  public BulkLoadStatus bulkLoadStatus(String appName) {
    return bulkLoads.getOrDefault(appName, BulkLoadStatus.INVALID);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
