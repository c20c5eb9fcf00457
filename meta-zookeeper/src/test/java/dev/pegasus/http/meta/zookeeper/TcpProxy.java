package dev.pegasus.http.meta.zookeeper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of one ZooKeeper, so that a test can take one meta's
 * connection away while the others keep theirs: {@link #cut()} resets every connection (a blip the
 * client notices at once), {@link #freeze()} stops every byte while keeping the sockets open (a
 * silent partition, noticed only by timeouts) until {@link #thaw()}.
 */
final class TcpProxy implements AutoCloseable {

  private final int targetPort;
  private final ServerSocket listener;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object gate = new Object();
  private boolean frozen;
  private volatile boolean closed;

  TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    daemon("proxy accept " + listener.getLocalPort(), this::acceptLoop).start();
  }

  /** {@code 127.0.0.1:<port>}, a ZooKeeper connect string. */
  String connectString() {
    return "127.0.0.1:" + listener.getLocalPort();
  }

  /** Closes every open connection; new ones are accepted and forwarded as before. */
  void cut() {
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }

  /** Holds every byte and every close, on open and new connections, until {@link #thaw()}. */
  void freeze() {
    synchronized (gate) {
      frozen = true;
    }
  }

  /** Lets the held bytes and closes through and forwards again. */
  void thaw() {
    synchronized (gate) {
      frozen = false;
      gate.notifyAll();
    }
  }

  @Override
  public void close() {
    closed = true;
    thaw();
    closeQuietly(listener);
    cut();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(server);
        daemon("proxy up", () -> pump(client, server)).start();
        daemon("proxy down", () -> pump(server, client)).start();
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      while (true) {
        int n = in.read(buffer);
        awaitThaw();
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away: close both below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private void awaitThaw() throws InterruptedException {
    synchronized (gate) {
      while (frozen) {
        gate.wait();
      }
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing is best effort
    }
  }
}
