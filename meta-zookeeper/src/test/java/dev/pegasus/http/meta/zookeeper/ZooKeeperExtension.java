package dev.pegasus.http.meta.zookeeper;

import static com.google.common.truth.Truth.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process ZooKeeper per test class ({@code @RegisterExtension static}), with ticks short
 * enough for the short sessions of the ZooKeeper tests, a fresh election path per test, and
 * Curator clients straight to it (as an operator or an intruder would connect, not through a
 * meta's {@link TcpProxy}).
 */
final class ZooKeeperExtension implements BeforeAllCallback, AfterAllCallback {

  /** ZooKeeper grants sessions of 2 to 20 ticks; 250 ms ticks allow the short sessions below. */
  private static final int TICK_MILLIS = 250;

  /** The session timeout of the metas (see {@link ZooKeeperMetas}) and of the clients. */
  static final Duration SESSION_TIMEOUT = Duration.ofSeconds(4);

  /** The connection timeout of the metas and of the clients. */
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

  private final AtomicInteger elections = new AtomicInteger();
  private TestingServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, TICK_MILLIS, -1), true);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** The ZooKeeper itself, to stop or restart it. */
  TestingServer server() {
    return server;
  }

  String connectString() {
    return server.getConnectString();
  }

  /**
   * {@code format} with its {@code %d} replaced by a number not used before on this ZooKeeper: an
   * election path per test, so that one test's leftovers cannot elect anybody in the next.
   */
  String freshPath(String format) {
    return String.format(format, elections.incrementAndGet());
  }

  /** A connected Curator client straight to ZooKeeper, authenticated as {@code digest} if not null. */
  CuratorFramework client(ZooKeeperDigest digest) throws InterruptedException {
    CuratorFrameworkFactory.Builder b =
        CuratorFrameworkFactory.builder()
            .connectString(connectString())
            .sessionTimeoutMs((int) SESSION_TIMEOUT.toMillis())
            .connectionTimeoutMs((int) CONNECTION_TIMEOUT.toMillis())
            .retryPolicy(new RetryOneTime(100));
    if (digest != null) {
      b.authorization("digest", digest.authInfo());
    }
    CuratorFramework c = b.build();
    c.start();
    assertThat(c.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
    return c;
  }
}
