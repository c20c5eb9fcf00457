package dev.pegasus.http.profiler;

import dev.pegasus.http.core.PegasusHttpServer;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A profiled test server in its own JVM, for tests that need a command line of their choosing:
 * prints {@code port=<port>} once it serves, and stops when its standard input closes. The
 * arguments are ignored; they are there to be seen in {@code /pprof/cmdline}.
 */
final class CmdlineServerMain {

  private CmdlineServerMain() {}

  public static void main(String[] args) throws IOException {
    try (PegasusHttpServer server =
        ProfiledServers.start(ProfilerConfig.defaults(), new AtomicReference<>(), b -> {})) {
      System.out.println("port=" + server.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // the test holds our stdin open for as long as it needs the server
      }
    }
  }
}
