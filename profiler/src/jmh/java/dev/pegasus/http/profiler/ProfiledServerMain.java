package dev.pegasus.http.profiler;

import dev.pegasus.http.core.PegasusHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A replica-role server on 127.0.0.1 with nothing but the profiler on its class path (so it
 * serves {@code /pprof/*} with no host code), for bench/profile-overhead.sh and for trying the
 * pprof clients by hand. Arguments: {@code <port> <port-file> <max-seconds> [workload]}; writes
 * the bound port to the port file once serving, stops by itself after max-seconds (so nothing
 * outlives a failed script).
 *
 * <pre>{@code java -cp ... dev.pegasus.http.profiler.ProfiledServerMain 0 /tmp/port 600 workload}</pre>
 */
public final class ProfiledServerMain {

  private ProfiledServerMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Path portFile = Path.of(args[1]);
    long maxSeconds = Long.parseLong(args[2]);
    Workload workload = args.length > 3 && args[3].equals("workload") ? Workload.start() : null;
    try (PegasusHttpServer server =
        PegasusHttpServer.builder()
            .role("replica")
            .host("127.0.0.1")
            .port(port)
            .configure(c -> c.accessLog(false))
            .build()
            .start()) {
      Files.writeString(portFile, Integer.toString(server.port()), StandardCharsets.UTF_8);
      System.out.println("serving " + server.url() + " for at most " + maxSeconds + " s");
      Thread.sleep(Duration.ofSeconds(maxSeconds).toMillis());
    } finally {
      if (workload != null) {
        workload.close();
      }
    }
  }
}
