package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.meta.zookeeper.ZooKeeperDigest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The onebox's ZooKeeper defends itself against other local processes: only digest-authenticated
 * sessions get an answer, also after a restart, and one address holds at most a few connections.
 */
final class EmbeddedZooKeeperTest {

  private static final ZooKeeperDigest DIGEST = ZooKeeperDigest.withRandomPassword("onebox-meta");

  private EmbeddedZooKeeper zk;

  @AfterEach
  void stop() {
    if (zk != null) {
      zk.close();
    }
  }

  @Test
  void anonymousSessionsGetNoAnswerAuthenticatedOnesDo() throws Exception {
    zk = new EmbeddedZooKeeper("127.0.0.1", 0, 4, true).start();
    // ZooKeeper checks a delete against the parent's ACL: the election path guards its children.
    try (ZooKeeper meta = connect(DIGEST)) {
      meta.create("/owned", new byte[0], ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
      meta.create(
          "/owned/participant",
          "x".getBytes(StandardCharsets.UTF_8),
          ZooDefs.Ids.CREATOR_ALL_ACL,
          CreateMode.PERSISTENT);
    }
    zk.stop();
    zk.start(); // enforcement survives a restart
    try (ZooKeeper anonymous = connect(null)) {
      assertThrows(KeeperException.SessionClosedRequireAuthException.class, () -> anonymous.exists("/", false));
    }
    try (ZooKeeper anonymous = connect(null)) {
      assertThrows(
          KeeperException.SessionClosedRequireAuthException.class,
          () -> anonymous.delete("/owned/participant", -1));
    }
    try (ZooKeeper stranger = connect(ZooKeeperDigest.of("onebox-meta", "a guess"))) {
      assertThrows(
          KeeperException.NoAuthException.class, () -> stranger.delete("/owned/participant", -1));
    }
    try (ZooKeeper meta = connect(DIGEST)) {
      assertThat(meta.exists("/owned/participant", false)).isNotNull();
    }
  }

  @Test
  void oneAddressHoldsAtMostTheCappedConnections() throws Exception {
    zk = new EmbeddedZooKeeper("127.0.0.1", 0, 3, true).start();
    List<ZooKeeper> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        held.add(connect(DIGEST)); // connected: counted by the server for sure
      }
      assertThat(closedByServer()).isTrue();
    } finally {
      for (ZooKeeper c : held) {
        c.close();
      }
    }
  }

  /** Whether a new connection is closed by the server (at connect or at its first read). */
  private boolean closedByServer() throws IOException {
    String[] hostPort = zk.connectString().split(":");
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 5_000);
      s.setSoTimeout(5_000);
      InputStream in = s.getInputStream();
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false; // held open: not refused
    } catch (IOException e) {
      return true; // reset or broken pipe
    }
  }

  /** A connected raw client, authenticated as {@code digest} when not null. */
  private ZooKeeper connect(ZooKeeperDigest digest) throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper client =
        new ZooKeeper(
            zk.connectString(),
            4_000,
            e -> {
              if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
              }
            });
    if (digest != null) {
      client.addAuthInfo("digest", digest.authInfo());
    }
    assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
    return client;
  }
}
