package dev.pegasus.http.testing;

import static com.google.common.base.Preconditions.checkArgument;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.PerfCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when the test says so, for wall-clock time ({@code /recentStartTime},
 * the meta's and collector's times: the {@link Clock} service) and for the monotonic time RATE
 * counters divide by ({@link PerfCounters}' nano clock).
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
 * PegasusServerExtension server = PegasusServerExtension.perTest(b -> clock.installOn(b.role("replica")));
 * ...
 * rate.add(50);
 * clock.advance(Duration.ofSeconds(10));   // the rate reads 5.0
 * }</pre>
 *
 * <p>Thread-safe; {@link #withZone} views share the same time.
 */
public final class ManualClock extends Clock {

  /** The time every view of one clock shares. */
  private static final class Time {
    private Instant now;
    private long nanos;

    Time(Instant now) {
      this.now = now;
      this.nanos = 1_000_000_000L;
    }
  }

  private final Time time;
  private final ZoneId zone;

  private ManualClock(Time time, ZoneId zone) {
    this.time = time;
    this.zone = zone;
  }

  /** A clock at {@code start} in {@code zone}. */
  public static ManualClock at(Instant start, ZoneId zone) {
    return new ManualClock(new Time(start), zone);
  }

  /** A clock at an ISO-8601 instant ({@code 2026-01-01T00:00:00Z}), in UTC. */
  public static ManualClock at(String isoInstant) {
    return at(Instant.parse(isoInstant), ZoneOffset.UTC);
  }

  /** Moves both the wall clock and the monotonic clock forward by {@code amount}. */
  public void advance(Duration amount) {
    checkArgument(!amount.isNegative(), "a clock only advances: %s", amount);
    synchronized (time) {
      time.now = time.now.plus(amount);
      time.nanos += amount.toNanos();
    }
  }

  /**
   * Sets the wall clock, backwards too (as an operator's clock change would); the monotonic
   * clock does not move.
   */
  public void setInstant(Instant instant) {
    synchronized (time) {
      time.now = instant;
    }
  }

  /** The monotonic time in nanoseconds, as {@link System#nanoTime()} would give it. */
  public long nanoTime() {
    synchronized (time) {
      return time.nanos;
    }
  }

  /** A new counter registry whose RATE counters and snapshots read this clock. */
  public PerfCounters perfCounters() {
    return new PerfCounters(this::nanoTime, this);
  }

  /**
   * Registers this clock on a server: as its {@link Clock} service, and behind a new counter
   * registry ({@link #perfCounters()}). Returns the builder.
   */
  public PegasusHttpServer.Builder installOn(PegasusHttpServer.Builder builder) {
    return builder.service(Clock.class, this).counters(perfCounters());
  }

  /** The wall-clock time now, as last set or advanced. */
  @Override
  public Instant instant() {
    synchronized (time) {
      return time.now;
    }
  }

  /** This view's zone. */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in another zone; advancing either moves both. */
  @Override
  public ManualClock withZone(ZoneId zone) {
    return new ManualClock(time, zone);
  }

  /** The time and zone, for failure messages. */
  @Override
  public String toString() {
    return "ManualClock[" + instant() + ", " + zone + "]";
  }
}
