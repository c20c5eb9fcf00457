package dev.pegasus.http.meta.zookeeper;

import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.curator.framework.recipes.locks.LockInternals;
import org.apache.curator.framework.recipes.locks.StandardLockInternalsDriver;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * Reads who leads the election straight from ZooKeeper: the children of the election path, sorted
 * as Curator's {@code LeaderLatch} sorts them (by the sequence after {@code latch-}), then the first
 * child's data and owner. Both reads leave {@code watcher} behind, so any change of membership or of
 * the leader's data triggers the next read.
 *
 * <p>It uses the raw ZooKeeper handle with a deadline instead of Curator's retrying calls: one read
 * attempt either answers quickly or fails, and while ZooKeeper is unreachable the caller keeps no
 * thread stuck in retries.
 */
final class ElectionReader {

  /** The node name prefix of Curator's leader latch. */
  private static final String LATCH_PREFIX = "latch-";

  /** Reads again when the leader node vanishes between the two reads; more means churn. */
  private static final int ATTEMPTS = 3;

  private final String electionPath;

  ElectionReader(String electionPath) {
    this.electionPath = electionPath;
  }

  /**
   * The election as ZooKeeper sees it now, within {@code timeoutNanos}.
   *
   * @throws KeeperException when ZooKeeper refuses (connection loss, no auth, ...)
   * @throws TimeoutException when it does not answer in time
   */
  ElectionView read(ZooKeeper zk, Watcher watcher, long timeoutNanos)
      throws KeeperException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeoutNanos;
    for (int attempt = 1; ; attempt++) {
      List<String> children;
      try {
        children = children(zk, watcher, deadline);
      } catch (KeeperException.NoNodeException e) {
        return ElectionView.EMPTY;
      }
      if (children.isEmpty()) {
        return ElectionView.EMPTY;
      }
      ImmutableList<String> sorted =
          ImmutableList.copyOf(
              LockInternals.getSortedChildren(
                  LATCH_PREFIX, StandardLockInternalsDriver::standardFixForSorting, children));
      String leader = sorted.get(0);
      try {
        LeaderData data = data(zk, ZKPaths.makePath(electionPath, leader), watcher, deadline);
        return new ElectionView(sorted, leader, data.owner, data.text);
      } catch (KeeperException.NoNodeException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private List<String> children(ZooKeeper zk, Watcher watcher, long deadline)
      throws KeeperException, InterruptedException, TimeoutException {
    CompletableFuture<List<String>> result = new CompletableFuture<>();
    zk.getChildren(
        electionPath,
        watcher,
        (rc, path, ctx, children) -> complete(result, rc, path, children),
        null);
    return await(result, deadline);
  }

  private record LeaderData(long owner, String text) {}

  private static LeaderData data(ZooKeeper zk, String path, Watcher watcher, long deadline)
      throws KeeperException, InterruptedException, TimeoutException {
    CompletableFuture<LeaderData> result = new CompletableFuture<>();
    zk.getData(
        path,
        watcher,
        (rc, p, ctx, bytes, stat) ->
            complete(
                result,
                rc,
                p,
                rc == 0
                    ? new LeaderData(
                        stat.getEphemeralOwner(),
                        bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8))
                    : null),
        null);
    return await(result, deadline);
  }

  private static <T> void complete(CompletableFuture<T> result, int rc, String path, T value) {
    if (rc == KeeperException.Code.OK.intValue()) {
      result.complete(value);
    } else {
      result.completeExceptionally(KeeperException.create(KeeperException.Code.get(rc), path));
    }
  }

  private static <T> T await(CompletableFuture<T> result, long deadline)
      throws KeeperException, InterruptedException, TimeoutException {
    try {
      return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KeeperException k) {
        throw k;
      }
      throw new IllegalStateException("unexpected failure reading the election", e.getCause());
    }
  }
}
