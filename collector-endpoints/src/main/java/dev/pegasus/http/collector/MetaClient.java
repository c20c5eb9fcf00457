package dev.pegasus.http.collector;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the meta servers. It tries the meta that answered last first, then the configured ones in
 * order; a backup's 307 is followed to the primary it names (at most {@value #MAX_REDIRECTS}
 * hops); a connection failure, a timeout, a 503 or a bad redirect moves on to the next meta. Any
 * other status is an answer, returned to the caller (a 404 for a table that was just dropped).
 */
final class MetaClient {

  /** A meta server's answer. */
  record MetaResponse(int status, String body, String from) {}

  static final int MAX_REDIRECTS = 3;

  private static final Logger log = LoggerFactory.getLogger(MetaClient.class);

  private final HttpFetcher fetcher;
  private final ImmutableList<String> metaServers;
  private volatile String lastAnswered;

  MetaClient(HttpFetcher fetcher, List<String> metaServers) {
    this.fetcher = fetcher;
    this.metaServers = ImmutableList.copyOf(metaServers);
  }

  /** GET {@code pathAndQuery} (already encoded) from a meta server that can answer it. */
  MetaResponse get(String pathAndQuery) throws MetaUnavailableException {
    List<String> problems = new ArrayList<>();
    for (String meta : candidates()) {
      String target = meta;
      for (int hop = 0; ; hop++) {
        HttpFetcher.Reply reply;
        try {
          reply = fetcher.get(fetcher.uri(target, pathAndQuery));
        } catch (IOException | IllegalArgumentException e) {
          problems.add(target + ": " + e.getMessage());
          break;
        }
        if (reply.status() == 307) {
          Optional<String> primary = reply.location().flatMap(MetaClient::authorityOf);
          if (primary.isEmpty() || hop == MAX_REDIRECTS) {
            problems.add(target + ": unusable redirect to " + reply.location().orElse("nowhere"));
            break;
          }
          target = primary.get();
          continue;
        }
        if (reply.status() == 503) {
          problems.add(target + ": 503 " + new String(reply.body(), StandardCharsets.UTF_8).trim());
          break;
        }
        lastAnswered = target;
        return new MetaResponse(reply.status(), new String(reply.body(), StandardCharsets.UTF_8), target);
      }
    }
    log.debug("no meta server answered {}: {}", pathAndQuery, problems);
    throw new MetaUnavailableException("no meta server answered " + pathAndQuery + ": " + problems);
  }

  private List<String> candidates() {
    List<String> order = new ArrayList<>(metaServers.size() + 1);
    String first = lastAnswered;
    if (first != null) {
      order.add(first);
    }
    for (String m : metaServers) {
      if (!m.equals(first)) {
        order.add(m);
      }
    }
    return order;
  }

  /**
   * The {@code host:port} of a redirect. Only the authority is used: the request goes to the
   * primary with our own, correctly encoded path and query, since Pegasus's {@code Location}
   * carries decoded parameter values.
   */
  static Optional<String> authorityOf(String location) {
    int start;
    if (location.regionMatches(true, 0, "http://", 0, 7)) {
      start = 7;
    } else if (location.regionMatches(true, 0, "https://", 0, 8)) {
      start = 8; // the collector keeps its own scheme: the cluster serves one
    } else {
      return Optional.empty();
    }
    int end = start;
    while (end < location.length() && "/?#".indexOf(location.charAt(end)) < 0) {
      end++;
    }
    String authority = location.substring(start, end);
    try {
      URI check = URI.create("http://" + authority + "/");
      return check.getHost() != null && check.getPort() > 0 ? Optional.of(authority) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
