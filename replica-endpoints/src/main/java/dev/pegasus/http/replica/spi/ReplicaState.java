package dev.pegasus.http.replica.spi;

/**
 * What a replica server hosts, as its HTTP endpoints see it. The host implements it (or uses
 * {@code InMemoryReplicaState}) and registers it with {@code
 * PegasusHttpServer.builder().service(ReplicaState.class, state)}; {@code /replica/duplication}
 * is served only when one is registered.
 */
public interface ReplicaState {

  /** A consistent, immutable view; called once per request, so it should be cheap. */
  ReplicaSnapshot snapshot();
}
