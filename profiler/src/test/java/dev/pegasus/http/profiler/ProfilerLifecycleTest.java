package dev.pegasus.http.profiler;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.core.testing.EndpointTesting.get;
import static dev.pegasus.http.core.testing.EndpointTesting.pollUntil;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.testing.EndpointTesting.Response;
import dev.pegasus.http.profiler.internal.SharedAllocationStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Who gets /pprof/*, one profiler per server, and what closing does. */
final class ProfilerLifecycleTest {

  @Test
  void aServerWithoutAProfilerHasNoPprofEndpoints() {
    try (PegasusHttpServer server = PegasusHttpServer.builder().port(0).build().start()) {
      assertThat(get(server, "/pprof/profile").status()).isEqualTo(404);
    }
  }

  @Test
  void oneProfilerCannotServeTwoServers() {
    try (PprofServers first = PprofServers.start(ProfilerConfig.defaults())) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  PegasusHttpServer.builder()
                      .role("meta")
                      .service(PprofProfiler.class, first.profiler())
                      .build());
      assertThat(e).hasMessageThat().contains("every server needs its own PprofProfiler");
    }
  }

  @Test
  void twoServersInOneJvmHaveTheirOwnSlotsAndSymbolTables() {
    try (PprofServers a = PprofServers.start(ProfilerConfig.defaults());
        PprofServers b = PprofServers.start(ProfilerConfig.defaults())) {
      CompletableFuture<Response> profile =
          CompletableFuture.supplyAsync(() -> get(a.url() + "/pprof/profile?seconds=2"));
      pollUntil("a's profile", Duration.ofSeconds(10), () -> a.profiler().runningAction(), r -> r.isPresent());
      assertThat(get(b.url() + "/pprof/heap?seconds=1").status()).isEqualTo(200);
      assertThat(profile.join().status()).isEqualTo(200);
      assertThat(get(a.url() + "/pprof/symbol").body()).isNotEqualTo(get(b.url() + "/pprof/symbol").body());
    }
  }

  @Test
  void theSharedGrowthStreamRunsWhileAnyProfilerIsOpen() {
    assertThat(SharedAllocationStream.isRunning()).isFalse();
    PprofServers a = PprofServers.start(ProfilerConfig.defaults());
    PprofServers b = PprofServers.start(ProfilerConfig.defaults());
    assertThat(SharedAllocationStream.isRunning()).isTrue();
    a.close();
    assertThat(SharedAllocationStream.isRunning()).isTrue();
    b.close();
    assertThat(SharedAllocationStream.isRunning()).isFalse();
  }

  @Test
  void closingTheProfilerCancelsARecordingInFlight() {
    try (PprofServers s = PprofServers.start(ProfilerConfig.defaults())) {
      CompletableFuture<Response> profile =
          CompletableFuture.supplyAsync(() -> get(s.url() + "/pprof/profile?seconds=60"));
      pollUntil("the profile", Duration.ofSeconds(10), () -> s.profiler().runningAction(), r -> r.isPresent());
      s.profiler().close();
      Response r = profile.join();
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.body()).isEqualTo("CPU profile cancelled: the profiler was closed\n");
      assertThat(s.profiler().runningAction()).isEmpty();
    }
  }
}
