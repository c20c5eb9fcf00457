package dev.pegasus.http.meta.zookeeper;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.meta.zookeeper.ZooKeeperMetas.Meta;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With digest auth, the metas' nodes belong to their identity: another client, anonymous or with
 * the wrong password, can neither delete the election's nodes nor add a participant; world-read
 * lets it see who leads and nothing more. The password shows in no log line and no toString.
 */
final class ZooKeeperAclTest {

  private static final String PASSWORD = "acl-test-password-3f9c";
  private static final ZooKeeperDigest DIGEST = ZooKeeperDigest.of("pegasus-meta", PASSWORD);
  private static final Duration SETTLE = Duration.ofSeconds(15);

  @RegisterExtension static final ZooKeeperExtension zk = new ZooKeeperExtension();
  String path;

  @BeforeEach
  void freshRoot() {
    // A root of its own: the parents a meta creates carry its ACL too.
    path = zk.freshPath("/acl-test-%d/meta_leader");
  }

  private ZooKeeperMetas threeMetas(UnaryOperator<ZooKeeperMetaLeadership.Builder> more) {
    return ZooKeeperMetas.start(zk, path, b -> more.apply(b.digestAuth(DIGEST)));
  }

  @Test
  void otherClientsCannotDeleteTheElectionNodesNorJoinIt() throws Exception {
    try (ZooKeeperMetas cluster = threeMetas(b -> b);
        CuratorFramework anonymous = zk.client(null);
        CuratorFramework wrongPassword = zk.client(ZooKeeperDigest.of("pegasus-meta", "guess"));
        CuratorFramework meta = zk.client(DIGEST)) {
      Meta primary = cluster.settledPrimary(SETTLE);
      List<String> nodes = meta.getChildren().forPath(path);
      assertThat(nodes).hasSize(3);
      for (CuratorFramework other : List.of(anonymous, wrongPassword)) {
        for (String node : nodes) {
          assertThrows(
              KeeperException.NoAuthException.class,
              () -> other.delete().forPath(ZKPaths.makePath(path, node)));
        }
        assertThrows(KeeperException.NoAuthException.class, () -> other.delete().forPath(path));
        assertThrows(
            KeeperException.NoAuthException.class,
            () ->
                other
                    .create()
                    .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                    .forPath(ZKPaths.makePath(path, "x-latch-"), "evil.example:80".getBytes()));
        assertThrows(KeeperException.NoAuthException.class, () -> other.getChildren().forPath(path));
      }
      assertThat(cluster.settledPrimary(SETTLE)).isEqualTo(primary);
    }
  }

  @Test
  void worldReadableShowsWhoLeadsButStillRefusesWrites() throws Exception {
    try (ZooKeeperMetas cluster = threeMetas(b -> b.worldReadable(true));
        CuratorFramework anonymous = zk.client(null)) {
      Meta primary = cluster.settledPrimary(SETTLE);
      List<String> nodes = anonymous.getChildren().forPath(path);
      String first =
          nodes.stream()
              .min((a, b) -> sequence(a).compareTo(sequence(b)))
              .map(n -> ZKPaths.makePath(path, n))
              .orElseThrow();
      assertThat(new String(anonymous.getData().forPath(first), StandardCharsets.UTF_8))
          .isEqualTo(primary.address());
      assertThrows(KeeperException.NoAuthException.class, () -> anonymous.delete().forPath(first));
      assertThrows(
          KeeperException.NoAuthException.class,
          () -> anonymous.setData().forPath(first, "evil.example:80".getBytes()));
    }
  }

  @Test
  void thePasswordIsInNoLogLineAndNoToString() throws Exception {
    String logged;
    try (StderrCapture err = new StderrCapture()) {
      try (ZooKeeperMetas cluster = threeMetas(b -> b)) {
        Meta primary = cluster.settledPrimary(SETTLE);
        assertThat(primary.leadership().toString()).doesNotContain(PASSWORD);
        assertThat(primary.leadership().toString()).contains("pegasus-meta");
      }
      logged = err.text();
    }
    assertThat(logged).contains("is now the primary");
    assertThat(logged).doesNotContain(PASSWORD);
    assertThat(DIGEST.toString()).isEqualTo("digest user pegasus-meta");
  }

  private static String sequence(String node) {
    return node.substring(node.lastIndexOf("latch-") + "latch-".length());
  }
}
