package dev.pegasus.http.core.bench;

import dev.pegasus.http.core.BuildInfo;
import dev.pegasus.http.core.PegasusHttpServer;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The two servers bench/load.sh compares: a pegasus-http server and a bare Undertow handler that
 * sends the same {@code /version} bytes and headers, on the same number of I/O threads. Prints
 * {@code framework=<port> bare=<port>} and stops by itself after the given number of seconds.
 */
public final class LoadTargets {

  private LoadTargets() {}

  public static void main(String[] args) throws Exception {
    long lifetimeSeconds = args.length > 0 ? Long.parseLong(args[0]) : 120;
    boolean accessLog = args.length > 1 && Boolean.parseBoolean(args[1]);
    int ioThreads = 2;
    BuildInfo info = new BuildInfo("2.0.0", "0123456789abcdef0123456789abcdef01234567");
    PegasusHttpServer framework =
        PegasusHttpServer.builder()
            .role("replica")
            .port(0)
            .configure(c -> c.ioThreads(ioThreads).accessLog(accessLog).buildInfo(info))
            .build()
            .start();
    byte[] body =
        ("{\"Version\":\"" + info.version() + "\",\"GitCommit\":\"" + info.gitCommit() + "\"}\n")
            .getBytes(StandardCharsets.UTF_8);
    HttpString nosniff = new HttpString("X-Content-Type-Options");
    Undertow bare =
        Undertow.builder()
            .addHttpListener(0, "127.0.0.1")
            .setIoThreads(ioThreads)
            .setHandler(
                exchange -> {
                  exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                  exchange.getResponseHeaders().put(nosniff, "nosniff");
                  exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
                  exchange.getResponseSender().send(ByteBuffer.wrap(body));
                })
            .build();
    bare.start();
    int barePort = ((InetSocketAddress) bare.getListenerInfo().get(0).getAddress()).getPort();
    System.out.println("framework=" + framework.port() + " bare=" + barePort);
    System.out.flush();
    Thread.sleep(Duration.ofSeconds(lifetimeSeconds).toMillis());
    framework.close();
    bare.stop();
  }
}
