package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Ports, several servers in one JVM, and closing. */
final class ServerLifecycleTest {

  @Test
  void twoServersInOneJvmHaveTheirOwnCounters() {
    try (PegasusHttpServer a = PegasusHttpServer.builder().role("meta").port(0).build().start();
        PegasusHttpServer b = PegasusHttpServer.builder().role("replica").port(0).build().start()) {
      assertThat(a.port()).isNotEqualTo(b.port());
      a.counters().number("meta", "s", "only_here", "").set(1);
      assertThat(get(a, "/perfCounter?name=meta*s*only_here").status()).isEqualTo(200);
      assertThat(get(b, "/perfCounter?name=meta*s*only_here").status()).isEqualTo(404);
    }
  }

  @Test
  void aBusyPortFailsToStart() {
    try (PegasusHttpServer a = PegasusHttpServer.builder().port(0).build().start()) {
      PegasusHttpServer b = PegasusHttpServer.builder().port(a.port()).build();
      assertThrows(RuntimeException.class, b::start);
    }
  }

  @Test
  void aClientThatNeverFinishesItsHeadersIsDisconnected() throws Exception {
    try (PegasusHttpServer server =
            PegasusHttpServer.builder()
                .port(0)
                .configure(c -> c.requestParseTimeout(Duration.ofMillis(300)))
                .build()
                .start();
        Socket slow = new Socket("127.0.0.1", server.port())) {
      slow.getOutputStream().write("GET /version HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
      slow.getOutputStream().flush();
      slow.setSoTimeout(10_000);
      // read() returns -1 once the server gives up on the request and closes the connection
      assertThat(slow.getInputStream().read()).isEqualTo(-1);
      assertThat(get(server, "/version").status()).isEqualTo(200);
    }
  }

  @Test
  void closeStopsServingAndIsIdempotent() {
    PegasusHttpServer server = PegasusHttpServer.builder().port(0).build().start();
    String url = server.url();
    assertThat(get(url + "/version").status()).isEqualTo(200);
    server.close();
    server.close();
    assertThat(server.isRunning()).isFalse();
    assertThrows(UncheckedIOException.class, () -> get(url + "/version"));
  }
}
