package dev.pegasus.http.profiler;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static dev.pegasus.http.testing.Polling.pollUntil;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.profiler.internal.SharedAllocationStream;
import dev.pegasus.http.testing.TestResponse;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Who gets /pprof/* (every server, with no host code), one profiling state per server, and what
 * closing the server does to it. Each test closes what it opened, so the process-wide growth
 * stream has no subscriber between tests.
 */
final class ProfilerLifecycleTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void aServerWithOnlyTheProfilerJarServesPprofAndClosesItsStateOnClose() {
    assertThat(SharedAllocationStream.subscriberCount()).isEqualTo(0);
    PegasusHttpServer server = PegasusHttpServer.builder().port(0).build().start();
    try {
      assertThat(SharedAllocationStream.subscriberCount()).isEqualTo(1);
      assertThat(SharedAllocationStream.isRunning()).isTrue();
      TestResponse cmdline = get(server, "/pprof/cmdline");
      assertThat(cmdline.status()).isEqualTo(200);
      assertThat(cmdline.body()).isNotEmpty();
      TestResponse profile = get(server, "/pprof/profile?seconds=1");
      assertThat(profile.status()).isEqualTo(200);
      assertThat(profile.bytes().length).isGreaterThan(0);
    } finally {
      server.close();
    }
    assertThat(SharedAllocationStream.subscriberCount()).isEqualTo(0);
    assertThat(SharedAllocationStream.isRunning()).isFalse();
  }

  @Test
  void everyRoleGetsPprof() {
    for (String role : List.of("meta", "replica", "collector")) {
      try (PegasusHttpServer server = PegasusHttpServer.builder().role(role).port(0).build().start()) {
        assertThat(get(server, "/pprof/symbol").status()).isEqualTo(200);
      }
    }
  }

  @Test
  void aDisabledProfilerConfigContributesNothingAndStartsNoStream() {
    try (PegasusHttpServer server =
        PegasusHttpServer.builder()
            .port(0)
            .service(ProfilerConfig.class, ProfilerConfig.disabled())
            .build()
            .start()) {
      assertThat(get(server, "/pprof/profile").status()).isEqualTo(404);
      assertThat(server.endpoints().stream().map(s -> s.path()).toList()).doesNotContain("/pprof/cmdline");
      assertThat(SharedAllocationStream.subscriberCount()).isEqualTo(0);
      assertThat(SharedAllocationStream.isRunning()).isFalse();
    }
  }

  @Test
  void disablingEveryPprofPathOpensNoStateAndSomePathsStillOpenOne() {
    AtomicReference<ProfilerState> opened = new AtomicReference<>();
    try (PegasusHttpServer server =
        PegasusHttpServer.builder()
            .port(0)
            .service(ProfilerEndpointProvider.StateProbe.class, opened::set)
            .configure(c -> c.disabledPaths(List.of("/pprof/*")))
            .build()
            .start()) {
      assertThat(get(server, "/pprof/cmdline").status()).isEqualTo(404);
      assertThat(get(server, "/pprof/profile").status()).isEqualTo(404);
      assertThat(opened.get()).isNull(); // no state, no JFR subscription
      assertThat(SharedAllocationStream.subscriberCount()).isEqualTo(0);
    }
    PegasusHttpServer partly =
        PegasusHttpServer.builder()
            .port(0)
            .service(ProfilerEndpointProvider.StateProbe.class, opened::set)
            .configure(c -> c.disabledPaths(List.of("/pprof/heap")))
            .build()
            .start();
    try {
      assertThat(get(partly, "/pprof/heap").status()).isEqualTo(404);
      assertThat(get(partly, "/pprof/cmdline").status()).isEqualTo(200);
      assertThat(opened.get()).isNotNull();
    } finally {
      partly.close();
    }
    assertThat(SharedAllocationStream.subscriberCount()).isEqualTo(0);
  }

  @Test
  void aFailedStartClosesTheState() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      AtomicReference<ProfilerState> opened = new AtomicReference<>();
      PegasusHttpServer server =
          PegasusHttpServer.builder()
              .port(taken.getLocalPort())
              .service(ProfilerEndpointProvider.StateProbe.class, opened::set)
              .build();
      assertThat(SharedAllocationStream.subscriberCount()).isEqualTo(1);
      assertThrows(RuntimeException.class, server::start);
      assertThat(opened.get().isClosed()).isTrue();
      assertThat(SharedAllocationStream.subscriberCount()).isEqualTo(0);
    }
  }

  @Test
  void twoServersInOneJvmHaveTheirOwnStates() {
    AtomicReference<ProfilerState> aState = new AtomicReference<>();
    AtomicReference<ProfilerState> bState = new AtomicReference<>();
    try (PegasusHttpServer a = start(aState);
        PegasusHttpServer b = start(bState)) {
      assertThat(aState.get()).isNotSameInstanceAs(bState.get());
      assertThat(aState.get().symbols()).isNotSameInstanceAs(bState.get().symbols());
      assertThat(aState.get().growth()).isNotSameInstanceAs(bState.get().growth());
      CompletableFuture<TestResponse> profile =
          CompletableFuture.supplyAsync(() -> get(a.url() + "/pprof/profile?seconds=2"));
      pollUntil("a's profile", Duration.ofSeconds(10), () -> aState.get().runningAction(), r -> r.isPresent());
      assertThat(bState.get().runningAction()).isEmpty();
      assertThat(get(b.url() + "/pprof/heap?seconds=1").status()).isEqualTo(200);
      assertThat(profile.join().status()).isEqualTo(200);
      assertThat(get(a.url() + "/pprof/symbol").body()).isNotEqualTo(get(b.url() + "/pprof/symbol").body());
    }
  }

  @Test
  void closingOneServerStopsItsGrowthWhileTheOtherKeepsCounting() {
    AtomicReference<ProfilerState> aState = new AtomicReference<>();
    AtomicReference<ProfilerState> bState = new AtomicReference<>();
    PegasusHttpServer a = start(aState);
    try (PegasusHttpServer b = start(bState);
        Workload workload = Workload.start()) {
      a.close();
      assertThat(aState.get().isClosed()).isTrue();
      assertThat(bState.get().isClosed()).isFalse();
      long aAtClose = aState.get().growth().snapshot().total(0);
      long bAtClose = bState.get().growth().snapshot().total(0);
      // The workload allocates all along: b's count grows, a's stays where it was at the close.
      pollUntil(
          "b's growth to count new samples",
          DEADLINE,
          () -> bState.get().growth().snapshot().total(0),
          n -> n > bAtClose);
      assertThat(aState.get().growth().snapshot().total(0)).isEqualTo(aAtClose);
      assertThat(SharedAllocationStream.subscriberCount()).isEqualTo(1);
    } finally {
      a.close();
    }
  }

  @Test
  void theSharedGrowthStreamRunsWhileAnyServerIsOpen() {
    assertThat(SharedAllocationStream.isRunning()).isFalse();
    PegasusHttpServer a = start(new AtomicReference<>());
    PegasusHttpServer b = start(new AtomicReference<>());
    assertThat(SharedAllocationStream.isRunning()).isTrue();
    a.close();
    assertThat(SharedAllocationStream.isRunning()).isTrue();
    b.close();
    assertThat(SharedAllocationStream.isRunning()).isFalse();
  }

  @Test
  void closingTheServerEndsARecordingInFlightAndClosesTheState() throws Exception {
    AtomicReference<ProfilerState> state = new AtomicReference<>();
    PegasusHttpServer s =
        ProfiledServers.start(
            ProfilerConfig.defaults(), state, b -> b.configure(c -> c.shutdownTimeout(Duration.ofMillis(200))));
    try {
      CompletableFuture<TestResponse> profile =
          CompletableFuture.supplyAsync(() -> get(s.url() + "/pprof/profile?seconds=60"));
      pollUntil("the profile", Duration.ofSeconds(10), () -> state.get().runningAction(), r -> r.isPresent());
      s.close();
      // Whether the client still gets the 503 or only sees its connection go depends on which
      // comes first; either way the 60 s recording ends now and the slot is free.
      profile.handle((r, e) -> r).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertThat(state.get().isClosed()).isTrue();
      assertThat(state.get().runningAction()).isEmpty();
      assertThat(SharedAllocationStream.subscriberCount()).isEqualTo(0);
    } finally {
      s.close();
    }
  }

  @Test
  void closingTheStateCancelsARecordingInFlight() {
    AtomicReference<ProfilerState> state = new AtomicReference<>();
    try (PegasusHttpServer s = start(state)) {
      CompletableFuture<TestResponse> profile =
          CompletableFuture.supplyAsync(() -> get(s.url() + "/pprof/profile?seconds=60"));
      pollUntil("the profile", Duration.ofSeconds(10), () -> state.get().runningAction(), r -> r.isPresent());
      state.get().close();
      TestResponse r = profile.join();
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.body()).isEqualTo("CPU profile cancelled: the server was closed\n");
      assertThat(state.get().runningAction()).isEmpty();
    }
  }

  private static PegasusHttpServer start(AtomicReference<ProfilerState> opened) {
    return ProfiledServers.start(ProfilerConfig.defaults(), opened, b -> {});
  }
}
