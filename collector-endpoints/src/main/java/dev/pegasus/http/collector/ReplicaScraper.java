package dev.pegasus.http.collector;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Reads one replica server's counters with the bulk read {@code /perfCounters?prefix=}, which
 * serves the server's latest periodic snapshot and so never resets a RATE or VOLATILE_NUMBER
 * counter.
 */
final class ReplicaScraper {

  private final HttpFetcher fetcher;
  private final String query;

  ReplicaScraper(HttpFetcher fetcher, String prefix) {
    this.fetcher = fetcher;
    this.query = "/perfCounters?prefix=" + QueryEncoding.encode(prefix);
  }

  /** The server's counters; an IOException if it cannot be reached, is slow or answers badly. */
  CounterReadings scrape(String address) throws IOException {
    HttpFetcher.Reply reply = fetcher.get(URI.create("http://" + address + query));
    if (reply.status() != 200) {
      String body = new String(reply.body(), StandardCharsets.UTF_8).trim();
      throw new IOException("HTTP " + reply.status() + (body.isEmpty() ? "" : ": " + abbreviate(body)));
    }
    try {
      return CountersBody.parse(reply.body());
    } catch (IOException e) {
      throw new IOException("malformed counters: " + e.getMessage(), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
