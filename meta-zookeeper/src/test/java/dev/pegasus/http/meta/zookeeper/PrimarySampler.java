package dev.pegasus.http.meta.zookeeper;

import dev.pegasus.http.testing.TestResponse;
import dev.pegasus.http.meta.zookeeper.ZooKeeperMetas.Meta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Asks every meta {@code /meta/cluster} in rounds, as fast as a round goes, from a background
 * thread, and keeps every answer: what the split-brain tests judge a failover by. A round is a
 * few milliseconds, so "two metas answered 200 in one round" over-approximates "two metas were
 * primary at one instant".
 */
final class PrimarySampler implements AutoCloseable {

  /** One round: when it started and ended, and each meta's status and Location (in meta order). */
  record Round(long startNanos, long endNanos, List<Integer> statuses, List<String> locations) {
    int primaries() {
      return (int) statuses.stream().filter(s -> s == 200).count();
    }
  }

  /** Pause between rounds, so that the sampler leaves the CPU to ZooKeeper and the metas. */
  private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(3);

  private final List<Meta> metas;
  private final List<Round> rounds = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;

  private PrimarySampler(List<Meta> metas) {
    this.metas = List.copyOf(metas);
    this.thread = new Thread(this::run, "primary sampler");
    thread.setDaemon(true);
  }

  /** Starts sampling {@code metas}. */
  static PrimarySampler start(List<Meta> metas) {
    PrimarySampler s = new PrimarySampler(metas);
    s.thread.start();
    return s;
  }

  private void run() {
    while (!stopped) {
      long start = System.nanoTime();
      List<Integer> statuses = new ArrayList<>();
      List<String> locations = new ArrayList<>();
      for (Meta m : metas) {
        try {
          TestResponse r = m.get("/meta/cluster");
          statuses.add(r.status());
          locations.add(r.header("Location").orElse(null));
        } catch (RuntimeException | AssertionError e) {
          statuses.add(-1);
          locations.add(null);
        }
      }
      rounds.add(new Round(start, System.nanoTime(), statuses, locations));
      LockSupport.parkNanos(PACE_NANOS);
    }
  }

  /** Every round so far. */
  List<Round> rounds() {
    return List.copyOf(rounds);
  }

  /**
   * The longest stretch of consecutive rounds in which two or more metas answered 200, from the
   * first such round's start to the last one's end; zero when there was none.
   */
  Duration longestDoublePrimary() {
    long longest = 0;
    Long runStart = null;
    for (Round r : rounds()) {
      if (r.primaries() >= 2) {
        if (runStart == null) {
          runStart = r.startNanos();
        }
        longest = Math.max(longest, r.endNanos() - runStart);
      } else {
        runStart = null;
      }
    }
    return Duration.ofNanos(longest);
  }

  /**
   * The longest stretch in which meta {@code index} answered something other than 200, measured
   * from the end of the last round it answered 200 to the start of the next such round; zero when
   * it always answered 200.
   */
  Duration longestGapOf(int index) {
    long longest = 0;
    Long lastOk = null;
    boolean inGap = false;
    for (Round r : rounds()) {
      if (r.statuses().get(index) == 200) {
        if (inGap && lastOk != null) {
          longest = Math.max(longest, r.startNanos() - lastOk);
        }
        inGap = false;
        lastOk = r.endNanos();
      } else {
        inGap = true;
      }
    }
    return Duration.ofNanos(longest);
  }

  /** Every Location header any meta sent. */
  List<String> locations() {
    List<String> all = new ArrayList<>();
    for (Round r : rounds()) {
      r.locations().stream().filter(l -> l != null).forEach(all::add);
    }
    return all;
  }

  /** The start of the first round in which meta {@code index} did not answer 200, if any. */
  Optional<Long> firstNon200Of(int index) {
    return rounds().stream()
        .filter(r -> r.statuses().get(index) != 200)
        .map(Round::startNanos)
        .findFirst();
  }

  /** A compact history for failure messages: status changes per round. */
  String history() {
    StringBuilder out = new StringBuilder();
    List<Integer> last = null;
    long t0 = rounds.isEmpty() ? 0 : rounds.get(0).startNanos();
    for (Round r : rounds()) {
      if (!r.statuses().equals(last)) {
        out.append(TimeUnit.NANOSECONDS.toMillis(r.startNanos() - t0))
            .append(" ms ")
            .append(r.statuses())
            .append('\n');
        last = r.statuses();
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    stopped = true;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
