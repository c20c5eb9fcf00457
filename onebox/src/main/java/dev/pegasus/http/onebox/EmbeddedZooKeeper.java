package dev.pegasus.http.onebox;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.AuthenticationHelper;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A standalone ZooKeeper server inside the onebox process, with its data in a temporary
 * directory that is deleted on close. Restartable on the same port, so tests can take it away
 * and bring it back.
 *
 * <p>It is reachable by every local process, so it defends itself: at most {@code
 * maxClientConnections} connections per client address (ZooKeeper's default of 60, or the 200
 * this class had, lets one local process hold enough connections to starve the metas), and, when
 * asked, every request must come from a session authenticated with the {@code digest} scheme
 * (ZooKeeper's {@code enforce.auth}); an anonymous session is closed at its first request.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {

  private static final int TICK_MILLIS = 500;

  /** The connection cap of the two-argument constructor: a few clients, with room to reconnect. */
  static final int DEFAULT_MAX_CLIENT_CONNECTIONS = 10;

  private final String host;
  private final int requestedPort;
  private final int maxClientConnections;
  private final boolean requireDigestAuth;
  private final Path dataDir;
  private ServerCnxnFactory factory;
  private ZooKeeperServer server;
  private int port;

  /**
   * Prepares a server on {@code host:port} (0 picks a free port) that requires digest auth and
   * accepts {@value #DEFAULT_MAX_CLIENT_CONNECTIONS} connections per client address; call {@link
   * #start()}.
   */
  public EmbeddedZooKeeper(String host, int port) {
    this(host, port, DEFAULT_MAX_CLIENT_CONNECTIONS, true);
  }

  /**
   * Prepares a server on {@code host:port} (0 picks a free port) accepting at most {@code
   * maxClientConnections} connections per client address, and only digest-authenticated
   * sessions if {@code requireDigestAuth}; call {@link #start()}.
   */
  public EmbeddedZooKeeper(String host, int port, int maxClientConnections, boolean requireDigestAuth) {
    if (maxClientConnections < 1) {
      throw new IllegalArgumentException("maxClientConnections must be positive: " + maxClientConnections);
    }
    this.host = host;
    this.requestedPort = port;
    this.maxClientConnections = maxClientConnections;
    this.requireDigestAuth = requireDigestAuth;
    try {
      this.dataDir = Files.createTempDirectory("pegasus-onebox-zk");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts serving; the second start after {@link #stop()} reuses the port and the data. */
  public synchronized EmbeddedZooKeeper start() throws IOException {
    if (server != null) {
      return this;
    }
    System.setProperty("zookeeper.admin.enableServer", "false");
    ZooKeeperServer zk = newServer();
    ServerCnxnFactory cnxn =
        ServerCnxnFactory.createFactory(
            new InetSocketAddress(host, port == 0 ? requestedPort : port), maxClientConnections);
    try {
      cnxn.startup(zk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting ZooKeeper", e);
    }
    factory = cnxn;
    server = zk;
    port = cnxn.getLocalPort();
    return this;
  }

  /**
   * A server that reads its auth enforcement from system properties while it is constructed (the
   * only way ZooKeeper 3.9 offers), so they are set for the construction and restored after it:
   * other ZooKeeper servers in this JVM keep their own settings.
   */
  private ZooKeeperServer newServer() throws IOException {
    if (!requireDigestAuth) {
      return new ZooKeeperServer(dataDir.toFile(), dataDir.toFile(), TICK_MILLIS);
    }
    synchronized (EmbeddedZooKeeper.class) {
      String enabled = System.getProperty(AuthenticationHelper.ENFORCE_AUTH_ENABLED);
      String schemes = System.getProperty(AuthenticationHelper.ENFORCE_AUTH_SCHEMES);
      System.setProperty(AuthenticationHelper.ENFORCE_AUTH_ENABLED, "true");
      System.setProperty(AuthenticationHelper.ENFORCE_AUTH_SCHEMES, "digest");
      try {
        return new ZooKeeperServer(dataDir.toFile(), dataDir.toFile(), TICK_MILLIS);
      } finally {
        restore(AuthenticationHelper.ENFORCE_AUTH_ENABLED, enabled);
        restore(AuthenticationHelper.ENFORCE_AUTH_SCHEMES, schemes);
      }
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  /** Stops serving but keeps the data, so that {@link #start()} brings the same state back. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    factory.shutdown();
    server.shutdown();
    factory = null;
    server = null;
  }

  /** {@code host:port} for ZooKeeper clients. */
  public synchronized String connectString() {
    return host + ":" + port;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  @Override
  public synchronized void close() {
    stop();
    try {
      MoreFiles.deleteRecursively(dataDir, RecursiveDeleteOption.ALLOW_INSECURE);
    } catch (IOException e) {
      // a temporary directory left behind is not worth failing shutdown for
    }
  }
}
