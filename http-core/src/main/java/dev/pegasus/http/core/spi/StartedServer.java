package dev.pegasus.http.core.spi;

import java.net.InetSocketAddress;

/**
 * A server that has just bound its port, as a provider's start hook sees it ({@link
 * Contribution.Builder#onStart}): where it listens, the {@code host:port} others reach it at, and
 * the scheme it serves.
 */
public interface StartedServer {

  /** The role the server serves ({@code meta}, {@code replica}, ...). */
  String role();

  /** The bound address; the port is the real one also when 0 was configured. */
  InetSocketAddress boundAddress();

  /**
   * {@code host:port} as other servers and clients should reach this one: the configured host
   * (or the advertised one, when the host set it) with the bound port.
   */
  String advertisedAddress();

  /** {@code http} or {@code https}. */
  String scheme();
}
