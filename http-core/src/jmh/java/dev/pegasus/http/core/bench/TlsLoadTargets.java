package dev.pegasus.http.core.bench;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two servers bench/tls-load.sh compares: the same pegasus-http server over plain HTTP and
 * over HTTPS (a certificate for 127.0.0.1 made at start). Prints {@code plain=<port>
 * tls=<port>} and stops by itself after the given number of seconds.
 */
public final class TlsLoadTargets {

  private TlsLoadTargets() {}

  public static void main(String[] args) throws Exception {
    long lifetimeSeconds = args.length > 0 ? Long.parseLong(args[0]) : 120;
    Path dir = Files.createTempDirectory("tls-load");
    var settings =
        TestCertificates.authority("bench CA")
            .server("127.0.0.1")
            .writePem(dir.resolve("cert.pem"), dir.resolve("key.pem"));
    try (PegasusHttpServer plain =
            PegasusHttpServer.builder()
                .role("replica")
                .port(0)
                .configure(c -> c.ioThreads(2).accessLog(false))
                .build()
                .start();
        PegasusHttpServer tls =
            PegasusHttpServer.builder()
                .role("replica")
                .port(0)
                .configure(c -> c.ioThreads(2).accessLog(false).tls(settings))
                .build()
                .start()) {
      System.out.println("plain=" + plain.port() + " tls=" + tls.port());
      System.out.flush();
      Thread.sleep(lifetimeSeconds * 1000);
    }
  }
}
