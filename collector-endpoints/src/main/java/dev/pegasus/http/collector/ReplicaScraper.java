package dev.pegasus.http.collector;

import java.io.IOException;

/**
 * Reads one replica server's counters with the bulk read {@code /perfCounters?prefix=}, which
 * serves the server's latest periodic snapshot and so never resets a RATE or VOLATILE_NUMBER
 * counter. The body is parsed while it downloads.
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
    return fetcher.get(fetcher.uri(address, query), CountersSubscriber.handler());
  }
}
