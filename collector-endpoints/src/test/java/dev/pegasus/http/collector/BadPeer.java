package dev.pegasus.http.collector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only: a socket server on 127.0.0.1 that misbehaves the way a sick replica server might:
 * it never answers, answers the headers and then stalls in the body, or answers garbage.
 */
final class BadPeer implements AutoCloseable {

  enum Behaviour {
    SILENT,
    STALLED_BODY,
    GARBAGE
  }

  private final ServerSocket listener;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final Behaviour behaviour;

  BadPeer(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "bad-peer-" + behaviour);
    t.setDaemon(true);
    t.start();
  }

  String address() {
    return "127.0.0.1:" + listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        accepted.add(s);
        Thread t = new Thread(() -> serve(s), "bad-peer-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try {
      InputStream in = s.getInputStream();
      byte[] buffer = new byte[4096];
      if (in.read(buffer) < 0) {
        return;
      }
      OutputStream out = s.getOutputStream();
      switch (behaviour) {
        case SILENT -> {}
        case STALLED_BODY -> {
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n[{")
              .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        }
        case GARBAGE -> {
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello world".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        }
      }
      while (in.read(buffer) >= 0) {
        // hold the connection until the client or close() ends it
      }
    } catch (IOException e) {
      // the client gave up, or close() closed the socket
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : accepted) {
      s.close();
    }
  }
}
