package dev.pegasus.http.profiler.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A one-shot signal that stops a recording early, with the reason for the log. */
public final class Cancellation {

  private final CountDownLatch latch = new CountDownLatch(1);
  private volatile String reason = "";

  /** Cancels; later calls keep the first reason. */
  public void cancel(String why) {
    if (latch.getCount() > 0) {
      synchronized (this) {
        if (latch.getCount() > 0) {
          reason = why;
          latch.countDown();
        }
      }
    }
  }

  public boolean isCancelled() {
    return latch.getCount() == 0;
  }

  public String reason() {
    return reason;
  }

  /** Waits up to {@code timeout}; true when cancelled (or interrupted, which cancels). */
  public boolean await(Duration timeout) {
    try {
      return latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel("the worker thread was interrupted");
      return true;
    }
  }
}
