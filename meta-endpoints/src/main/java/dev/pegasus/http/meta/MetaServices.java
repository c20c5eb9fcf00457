package dev.pegasus.http.meta;

import dev.pegasus.http.core.PegasusHttpServer;

/**
 * The one call a host needs to serve the meta role: registers its {@link MetaState} and {@link
 * MetaLeadership}, starts the server, and then starts the leadership with the address the server
 * advertises, so that a ZooKeeper election's participant id is the real {@code host:port} even on
 * an ephemeral port.
 *
 * <pre>{@code
 * InMemoryMetaState state = new InMemoryMetaState(snapshot);
 * ZooKeeperMetaLeadership leadership = ZooKeeperMetaLeadership.builder(zkConnect)
 *     .electionPath("/pegasus/onebox/meta_leader").metaServersOf(state).build();
 * PegasusHttpServer server =
 *     MetaServices.start(PegasusHttpServer.builder().port(34601), state, leadership);
 * ...
 * leadership.close();   // first, so that another meta takes over at once
 * server.close();
 * }</pre>
 */
public final class MetaServices {

  private MetaServices() {}

  /** Sets role {@code meta} and registers both services on {@code server}. */
  public static PegasusHttpServer.Builder register(
      PegasusHttpServer.Builder server, MetaState state, MetaLeadership leadership) {
    return server
        .role("meta")
        .service(MetaState.class, state)
        .service(MetaLeadership.class, leadership);
  }

  /**
   * Registers both services, builds and starts the server, then calls {@link MetaLeadership#start}
   * with {@code <configured host>:<bound port>}.
   */
  public static PegasusHttpServer start(
      PegasusHttpServer.Builder server, MetaState state, MetaLeadership leadership) {
    PegasusHttpServer started = register(server, state, leadership).build().start();
    return joined(started, leadership, started.config().host());
  }

  /**
   * As {@link #start(PegasusHttpServer.Builder, MetaState, MetaLeadership)}, advertising {@code
   * advertisedHost} (e.g. the machine's address when the server listens on {@code 0.0.0.0}).
   */
  public static PegasusHttpServer start(
      PegasusHttpServer.Builder server,
      MetaState state,
      MetaLeadership leadership,
      String advertisedHost) {
    PegasusHttpServer started = register(server, state, leadership).build().start();
    return joined(started, leadership, advertisedHost);
  }

  private static PegasusHttpServer joined(
      PegasusHttpServer server, MetaLeadership leadership, String host) {
    try {
      leadership.start(host + ":" + server.port());
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }
}
