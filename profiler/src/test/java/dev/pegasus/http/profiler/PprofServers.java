package dev.pegasus.http.profiler;

import dev.pegasus.http.core.PegasusHttpServer;

/** A replica-role test server with its own profiler; closing it closes both. */
record PprofServers(PprofProfiler profiler, PegasusHttpServer server) implements AutoCloseable {

  static PprofServers start(ProfilerConfig config) {
    PprofProfiler profiler = PprofProfiler.start(config);
    PegasusHttpServer server =
        PegasusHttpServer.builder()
            .role("replica")
            .port(0)
            .service(PprofProfiler.class, profiler)
            .configure(c -> c.accessLog(false))
            .build()
            .start();
    return new PprofServers(profiler, server);
  }

  String url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
    profiler.close();
  }
}
