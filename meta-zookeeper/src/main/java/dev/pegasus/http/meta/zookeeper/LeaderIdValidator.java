package dev.pegasus.http.meta.zookeeper;

import dev.pegasus.http.meta.HostPort;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a leader id read from ZooKeeper may be used as the primary's address: it must be
 * a plain {@code host:port} and one of the cluster's meta servers. Anybody who can write to the
 * election path can write any id there, and the id ends up in the {@code Location} of every
 * backup's 307, so an unknown id means "no known primary" (503), never a redirect to it.
 *
 * <p>Each distinct rejected id is logged once, sanitized; after {@value #MAX_LOGGED} distinct ones
 * a single line says that further ones are not logged, so a hostile writer cannot flood the log.
 */
final class LeaderIdValidator {

  private static final Logger log = LoggerFactory.getLogger(LeaderIdValidator.class);

  /** Distinct rejected ids that are logged; the rest are counted silently. */
  static final int MAX_LOGGED = 16;

  /** A DNS name (253) plus {@code :65535}. */
  private static final int MAX_ID_LENGTH = 253 + 6;

  /** How much of a rejected id a log line shows. */
  private static final int MAX_LOGGED_CHARS = 80;

  private final Supplier<? extends Collection<String>> metaServers;
  private final String self;
  private final Set<String> logged = new LinkedHashSet<>();
  private boolean saturated;

  /**
   * @param metaServers the cluster's meta servers ({@code host:port}), read on every validation so
   *     that a list that grows (metas on ephemeral ports) is seen at once
   * @param self the validating meta's own id, for log lines
   */
  LeaderIdValidator(Supplier<? extends Collection<String>> metaServers, String self) {
    this.metaServers = metaServers;
    this.self = self;
  }

  /** {@code id} when it is a known meta server's {@code host:port}, else empty (and logged once). */
  Optional<String> validate(String id) {
    String problem = problem(id);
    if (problem == null) {
      return Optional.of(id);
    }
    logOnce(id, problem);
    return Optional.empty();
  }

  /** Why {@code id} is not a usable leader id, or null when it is. */
  private String problem(String id) {
    if (id.isEmpty()) {
      return "it is empty";
    }
    if (id.length() > MAX_ID_LENGTH || !wellFormed(id)) {
      return "it is not host:port";
    }
    Collection<String> known;
    try {
      known = metaServers.get();
    } catch (RuntimeException e) {
      log.debug("meta {}: the meta server list is unavailable", self, e);
      return "the meta server list is unavailable";
    }
    for (String meta : known) {
      if (meta.trim().equals(id)) {
        return null;
      }
    }
    return "it is not one of the meta servers " + known;
  }

  /** A host of letters, digits, {@code .-_} (or a bracketed IPv6 literal) and a port 1..65535. */
  static boolean wellFormed(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_'
              || c == ':'
              || c == '['
              || c == ']';
      if (!ok) {
        return false;
      }
    }
    HostPort parsed;
    try {
      parsed = HostPort.parse(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String host = parsed.host();
    boolean bracketed = host.startsWith("[") && host.endsWith("]") && host.length() > 2;
    if (!bracketed && (host.indexOf(':') >= 0 || host.indexOf('[') >= 0 || host.indexOf(']') >= 0)) {
      return false;
    }
    // Integer.parseInt accepts "+80"; '+' is not in the allowed characters, so digits only remain.
    return parsed.port() > 0;
  }

  private void logOnce(String id, String problem) {
    String shown = LogSafeText.quote(id, MAX_LOGGED_CHARS);
    synchronized (logged) {
      if (logged.contains(shown)) {
        return;
      }
      if (logged.size() >= MAX_LOGGED) {
        if (!saturated) {
          saturated = true;
          log.warn(
              "meta {}: {} distinct unusable leader ids seen in ZooKeeper; not logging further ones",
              self,
              MAX_LOGGED);
        }
        return;
      }
      logged.add(shown);
    }
    log.warn(
        "meta {}: ignoring leader id {} read from ZooKeeper because {}; answering 503 until a known"
            + " meta leads the election",
        self,
        shown,
        problem);
  }
}
