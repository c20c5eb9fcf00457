package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.core.testing.EndpointTesting.get;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
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
