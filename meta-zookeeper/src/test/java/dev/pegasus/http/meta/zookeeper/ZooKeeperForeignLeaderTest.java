package dev.pegasus.http.meta.zookeeper;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.pegasus.http.testing.Polling.pollUntil;
import static dev.pegasus.http.meta.zookeeper.ZooKeeperMetas.CHECK_PERIOD;

import dev.pegasus.http.meta.zookeeper.ZooKeeperMetas.Meta;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Participant ids in ZooKeeper are data anybody with write access can forge (here the nodes are
 * open, as without digest auth): a leader id that is not one of the cluster's metas, or not even
 * {@code host:port}, makes every meta answer 503 and never lands in a {@code Location} header.
 */
final class ZooKeeperForeignLeaderTest {

  private static final Duration SETTLE = Duration.ofSeconds(15);

  @RegisterExtension static final ZooKeeperExtension zk = new ZooKeeperExtension();
  CuratorFramework intruder;
  String path;

  @BeforeEach
  void connectIntruder() throws InterruptedException {
    path = zk.freshPath("/foreign-leader-test/meta_leader_%d");
    intruder = zk.client(null);
  }

  @AfterEach
  void disconnectIntruder() {
    intruder.close();
  }

  private ZooKeeperMetas threeMetas() {
    return ZooKeeperMetas.start(zk, path, b -> b);
  }

  @ParameterizedTest
  @ValueSource(
      // The other shapes of a bad id are LeaderIdValidatorTest's; these three go end to end.
      strings = {"evil.example:80", "127.0.0.1:1\r\nX-Injected: 1", "127.0.0.1:1"})
  void aForeignLeaderIdMeans503AndNeverALocation(String foreignId) throws Exception {
    // Joins first, so that the forged participant leads the election the metas then join.
    String forged =
        intruder
            .create()
            .creatingParentContainersIfNeeded()
            .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
            .forPath(
                ZKPaths.makePath(path, "_c_" + UUID.randomUUID() + "-latch-"),
                foreignId.getBytes(StandardCharsets.UTF_8));
    try (ZooKeeperMetas cluster = threeMetas()) {
      pollUntil("four participants", SETTLE, this::participants, n -> n == 4);
      try (PrimarySampler sampler = PrimarySampler.start(cluster.metas())) {
        // Observe for a few check periods, so that every meta has checked the election again.
        long until = System.nanoTime() + 4 * CHECK_PERIOD.toNanos();
        pollUntil(
            "rounds for four check periods",
            SETTLE,
            sampler::rounds,
            rounds -> !rounds.isEmpty() && rounds.get(rounds.size() - 1).startNanos() - until > 0);
        sampler.close();
        for (PrimarySampler.Round r : sampler.rounds()) {
          assertWithMessage("%s\n%s", foreignId, sampler.history())
              .that(r.statuses())
              .containsExactly(503, 503, 503);
        }
        assertThat(sampler.locations()).isEmpty();
      }
      intruder.delete().forPath(forged);
      Meta primary = cluster.settledPrimary(SETTLE);
      for (Meta backup : cluster.others(primary)) {
        assertThat(backup.get("/meta/nodes").header("Location"))
            .hasValue("http://" + primary.address() + "/meta/nodes");
      }
    }
  }

  @Test
  void aLeaderNodeRewrittenToAForeignIdTurnsTheBackupsTo503() throws Exception {
    try (ZooKeeperMetas cluster = threeMetas()) {
      Meta primary = cluster.settledPrimary(SETTLE);
      List<String> children = intruder.getChildren().forPath(path);
      String leaderNode =
          children.stream()
              .filter(
                  c -> {
                    try {
                      return new String(
                              intruder.getData().forPath(ZKPaths.makePath(path, c)),
                              StandardCharsets.UTF_8)
                          .equals(primary.address());
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .findFirst()
              .orElseThrow();
      intruder
          .setData()
          .forPath(ZKPaths.makePath(path, leaderNode), "evil.example:80".getBytes(StandardCharsets.UTF_8));
      for (Meta backup : cluster.others(primary)) {
        pollUntil(
            "503 from backup " + backup,
            SETTLE,
            () -> backup.get("/meta/cluster"),
            r -> r.status() == 503);
      }
      // The primary goes by its own node, not by what the node says.
      assertThat(primary.get("/meta/cluster").status()).isEqualTo(200);
    }
  }

  private int participants() {
    try {
      return intruder.getChildren().forPath(path).size();
    } catch (Exception e) {
      return -1;
    }
  }
}
