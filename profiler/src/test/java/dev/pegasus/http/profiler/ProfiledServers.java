package dev.pegasus.http.profiler;

import dev.pegasus.http.core.PegasusHttpServer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Test servers of the replica role with the profiler the class path gives it, and a view of the
 * profiling state its provider opened for them (through the package's {@link
 * ProfilerEndpointProvider.StateProbe}); closing the server closes the state.
 */
final class ProfiledServers {

  private ProfiledServers() {}

  /**
   * The setup, for a {@code PegasusServerExtension} or a builder: {@code opened} receives the
   * state when the server is built.
   */
  static Consumer<PegasusHttpServer.Builder> replica(
      ProfilerConfig config, AtomicReference<ProfilerState> opened) {
    return b -> b.role("replica")
        .port(0)
        .service(ProfilerConfig.class, config)
        .service(ProfilerEndpointProvider.StateProbe.class, opened::set)
        .configure(c -> c.accessLog(false));
  }

  /** A started server, for tests of several servers or of the lifecycle itself; more settings after. */
  static PegasusHttpServer start(
      ProfilerConfig config, AtomicReference<ProfilerState> opened, Consumer<PegasusHttpServer.Builder> more) {
    PegasusHttpServer.Builder builder = PegasusHttpServer.builder();
    replica(config, opened).andThen(more).accept(builder);
    return builder.build().start();
  }
}
