package dev.pegasus.http.profiler;

import dev.pegasus.http.core.PegasusHttpServer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A replica-role test server with the profiler the class path gives it, and the profiling state
 * its provider opened for it (seen through the package's {@link
 * ProfilerEndpointProvider.StateProbe}); closing the server closes the state.
 */
record PprofServers(ProfilerState state, PegasusHttpServer server) implements AutoCloseable {

  static PprofServers start(ProfilerConfig config) {
    return start(config, b -> {});
  }

  /** With more settings on the builder, e.g. a short shutdown timeout. */
  static PprofServers start(ProfilerConfig config, Consumer<PegasusHttpServer.Builder> more) {
    AtomicReference<ProfilerState> opened = new AtomicReference<>();
    PegasusHttpServer.Builder builder =
        PegasusHttpServer.builder()
            .role("replica")
            .port(0)
            .service(ProfilerConfig.class, config)
            .service(ProfilerEndpointProvider.StateProbe.class, opened::set)
            .configure(c -> c.accessLog(false));
    more.accept(builder);
    PegasusHttpServer server = builder.build().start();
    return new PprofServers(opened.get(), server);
  }

  String url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
  }
}
