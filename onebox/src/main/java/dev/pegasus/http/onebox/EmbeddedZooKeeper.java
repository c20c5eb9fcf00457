package dev.pegasus.http.onebox;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A standalone ZooKeeper server inside the onebox process, with its data in a temporary
 * directory that is deleted on close. Restartable on the same port, so tests can take it away
 * and bring it back.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {

  private static final int TICK_MILLIS = 500;

  private final String host;
  private final int requestedPort;
  private final Path dataDir;
  private ServerCnxnFactory factory;
  private ZooKeeperServer server;
  private int port;

  /** Prepares a server on {@code host:port} (0 picks a free port); call {@link #start()}. */
  public EmbeddedZooKeeper(String host, int port) {
    this.host = host;
    this.requestedPort = port;
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
    ZooKeeperServer zk = new ZooKeeperServer(dataDir.toFile(), dataDir.toFile(), TICK_MILLIS);
    ServerCnxnFactory cnxn =
        ServerCnxnFactory.createFactory(new InetSocketAddress(host, port == 0 ? requestedPort : port), 200);
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
