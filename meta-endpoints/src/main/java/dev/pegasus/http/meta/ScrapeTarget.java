package dev.pegasus.http.meta;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A server Prometheus should scrape that the meta does not know from its own state, such as a
 * collector: its role (the {@code role} label, e.g. {@code collector}) and its address.
 *
 * @param role the server's role, a non-empty label value
 * @param address where its HTTP API answers
 */
public record ScrapeTarget(String role, HostPort address) {

  public ScrapeTarget {
    requireNonNull(role, "role");
    requireNonNull(address, "address");
    checkArgument(!role.isEmpty(), "a scrape target needs a role");
  }

  /** A collector at {@code address}. */
  public static ScrapeTarget collector(HostPort address) {
    return new ScrapeTarget("collector", address);
  }
}
