package dev.pegasus.http.meta;

/**
 * What a meta server knows, read by the {@code /meta/*} endpoints: the host implements it (or uses
 * {@link InMemoryMetaState}) and registers it with the server. Endpoints never change it.
 *
 * <pre>{@code
 * PegasusHttpServer.builder().role("meta")
 *     .service(MetaState.class, state)
 *     .service(MetaLeadership.class, leadership)
 *     ...
 * }</pre>
 */
public interface MetaState {

  /**
   * The current state as one consistent, immutable snapshot. Called once per request; it should be
   * cheap (a volatile read), since a backup meta's redirect does not call it but every primary
   * request does.
   */
  MetaSnapshot snapshot();
}
