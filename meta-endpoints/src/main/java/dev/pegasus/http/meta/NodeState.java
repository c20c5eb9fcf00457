package dev.pegasus.http.meta;

import static java.util.Objects.requireNonNull;

/**
 * A replica server the meta knows, and whether its failure detector sees it alive ({@code ALIVE} /
 * {@code UNALIVE} in {@code /meta/nodes}).
 *
 * @param address the replica server's address
 * @param alive whether it is alive
 */
public record NodeState(HostPort address, boolean alive) {

  public NodeState {
    requireNonNull(address, "address");
  }

  public static NodeState alive(HostPort address) {
    return new NodeState(address, true);
  }

  public static NodeState unalive(HostPort address) {
    return new NodeState(address, false);
  }
}
