package dev.pegasus.http.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import javax.inject.Inject;
import javax.inject.Singleton;

/** When this server last started, for {@code /recentStartTime}. */
@Singleton
public final class ServerStartTime {

  private final Clock clock;
  private volatile Instant startedAt;

  @Inject
  public ServerStartTime(Clock clock) {
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  /** Records now as the start time. */
  public void markStarted() {
    startedAt = clock.instant();
  }

  public Instant instant() {
    return startedAt;
  }

  /** The start time in the clock's zone, the server's local time by default. */
  public LocalDateTime localTime() {
    return LocalDateTime.ofInstant(startedAt, clock.getZone());
  }
}
