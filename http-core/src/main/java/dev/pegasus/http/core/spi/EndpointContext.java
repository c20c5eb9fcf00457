package dev.pegasus.http.core.spi;

import java.util.Optional;

/**
 * What the host process offers its endpoints: the role of the server and the services the host
 * registered (for example {@code MetaState}, {@code ReplicaState}, {@code PerfCounters},
 * {@link java.time.Clock}).
 */
public interface EndpointContext {

  /** The server's role, such as {@code "meta"}, {@code "replica"} or {@code "collector"}. */
  String role();

  /** The service the host registered under this type, if any. */
  <T> Optional<T> find(Class<T> service);
}
