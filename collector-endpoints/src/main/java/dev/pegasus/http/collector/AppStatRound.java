package dev.pegasus.http.collector;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of one published collector round: when it started, how long it took, which ALIVE
 * replica servers it scraped and which of them failed (their primaries counted as zero), and the
 * statistics of every table in name order followed by {@code _all_}.
 */
public record AppStatRound(
    Instant time,
    Duration duration,
    ImmutableList<String> replicaServers,
    ImmutableList<String> failedReplicaServers,
    ImmutableList<AppStat> apps) {

  /** The statistics of one table, or of {@code _all_}. */
  public Optional<AppStat> app(String name) {
    return apps.stream().filter(a -> a.appName().equals(name)).findFirst();
  }

  /** The cluster total. */
  public AppStat all() {
    return apps.get(apps.size() - 1);
  }
}
