package dev.pegasus.http.meta;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.testing.EndpointTesting;
import dev.pegasus.http.core.testing.EndpointTesting.Response;
import java.time.Clock;

/** A meta-role server on 127.0.0.1, an ephemeral port, over an {@link InMemoryMetaState}. */
final class MetaTestServer implements AutoCloseable {

  /** The address the static primary claims; {@code /meta/cluster} prints it. */
  static final String PRIMARY = "127.0.0.1:34601";

  final InMemoryMetaState state;
  final PegasusHttpServer server;

  private MetaTestServer(InMemoryMetaState state, PegasusHttpServer server) {
    this.state = state;
    this.server = server;
  }

  /** A primary meta at {@link #PRIMARY} serving {@code snapshot}. */
  static MetaTestServer primary(MetaSnapshot snapshot) {
    return start(snapshot, StaticMetaLeadership.self(PRIMARY));
  }

  static MetaTestServer start(MetaSnapshot snapshot, MetaLeadership leadership) {
    InMemoryMetaState state = new InMemoryMetaState(snapshot);
    PegasusHttpServer server =
        PegasusHttpServer.builder().port(0)
            .role("meta")
            .service(MetaState.class, state)
            .service(MetaLeadership.class, leadership)
            .service(Clock.class, Clock.system(MetaFixtures.ZONE))
            .configure(c -> c.accessLog(false))
            .build()
            .start();
    return new MetaTestServer(state, server);
  }

  Response get(String pathAndQuery) {
    return EndpointTesting.get(server, pathAndQuery);
  }

  @Override
  public void close() {
    server.close();
  }
}
