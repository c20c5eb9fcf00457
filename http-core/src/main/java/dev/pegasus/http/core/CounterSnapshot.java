package dev.pegasus.http.core;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;

/**
 * Every counter of a registry read at one moment, sorted by name; VOLATILE_NUMBER and RATE
 * readings cover the time since the previous snapshot. The bulk read {@code /perfCounters} serves
 * the latest snapshot rather than reading live, so every scraper sees the same numbers for one
 * period.
 */
public record CounterSnapshot(Instant takenAt, ImmutableList<CounterReading> readings) {

  /** A snapshot with no readings. */
  public static CounterSnapshot empty(Instant at) {
    return new CounterSnapshot(at, ImmutableList.of());
  }

  /** The readings whose names start with {@code prefix}, in name order. */
  public List<CounterReading> withPrefix(String prefix) {
    if (prefix.isEmpty()) {
      return readings;
    }
    int from = firstIndexNotBefore(prefix);
    int to = from;
    while (to < readings.size() && readings.get(to).name().startsWith(prefix)) {
      to++;
    }
    return readings.subList(from, to);
  }

  private int firstIndexNotBefore(String prefix) {
    int lo = 0;
    int hi = readings.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (readings.get(mid).name().compareTo(prefix) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
