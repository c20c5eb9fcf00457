package dev.pegasus.http.profiler.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one profiling action (CPU or heap window) a server runs at a time. A second caller learns
 * what runs and how many seconds it has left, for a 409 with {@code Retry-After}.
 */
public final class ProfilingSlot {

  /** The action holding the slot; closing it frees the slot. */
  public final class Lease implements AutoCloseable {
    private final String what;
    private final Instant deadline;
    private final Cancellation cancellation = new Cancellation();

    private Lease(String what, Instant deadline) {
      this.what = what;
      this.deadline = deadline;
    }

    public String what() {
      return what;
    }

    public Cancellation cancellation() {
      return cancellation;
    }

    @Override
    public void close() {
      current.compareAndSet(this, null);
    }
  }

  private final Clock clock;
  private final AtomicReference<Lease> current = new AtomicReference<>();

  public ProfilingSlot(Clock clock) {
    this.clock = clock;
  }

  /** Takes the slot for {@code what}, expected to last {@code length}; empty when busy. */
  public Optional<Lease> tryAcquire(String what, Duration length) {
    Lease lease = new Lease(what, clock.instant().plus(length));
    return current.compareAndSet(null, lease) ? Optional.of(lease) : Optional.empty();
  }

  /** What holds the slot, if anything. */
  public Optional<String> busyWith() {
    Lease lease = current.get();
    return lease == null ? Optional.empty() : Optional.of(lease.what);
  }

  /** Whole seconds until the running action should end, at least 1. */
  public long secondsLeft() {
    Lease lease = current.get();
    if (lease == null) {
      return 1;
    }
    long millis = Duration.between(clock.instant(), lease.deadline).toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }

  /** Cancels the running action, if any. */
  public void cancel(String why) {
    Lease lease = current.get();
    if (lease != null) {
      lease.cancellation.cancel(why);
    }
  }
}
