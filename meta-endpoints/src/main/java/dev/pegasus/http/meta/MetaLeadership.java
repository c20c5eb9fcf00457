package dev.pegasus.http.meta;

import java.util.Optional;

/**
 * Which meta server is the primary. Only the primary serves {@code /meta/*}; a backup validates the
 * request's parameters and then redirects it (307) to {@link #primary()}, or answers 503 with
 * {@code Retry-After} when no primary is known.
 *
 * <p>Implementations: {@link StaticMetaLeadership} (fixed roles) and {@code
 * dev.pegasus.http.meta.zookeeper.ZooKeeperMetaLeadership} (an election through ZooKeeper, in
 * pegasus-meta-zookeeper). The host calls {@link #start} once its
 * server is bound, with the {@code host:port} other processes reach it at, and {@link #close} when
 * the meta stops.
 */
public interface MetaLeadership extends AutoCloseable {

  /** True when this meta server is the primary now. */
  boolean isPrimary();

  /**
   * The primary's {@code host:port} (this server's own address when it is the primary), or empty
   * when no primary is known: never a stale or empty address.
   */
  Optional<String> primary();

  /**
   * Tells the leadership the address this meta server advertises, once it is known (after the
   * server bound its port); a ZooKeeper leadership joins the election here. Does nothing by
   * default.
   */
  default void start(String advertisedAddress) {}

  /** Leaves the election, if any; the default does nothing. */
  @Override
  default void close() {}
}
