package dev.pegasus.http.testing;

import static com.google.common.truth.Truth.assertWithMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition with a deadline instead of sleeping a fixed time. */
public final class Polling {

  private Polling() {}

  /**
   * Calls {@code probe} every 20 ms until {@code done} accepts its value or {@code deadline}
   * passes, and returns the last value; fails the test with {@code what} and the last value on
   * timeout.
   *
   * <pre>{@code
   * pollUntil("a primary", Duration.ofSeconds(10), () -> get(server, "/meta/cluster"), r -> r.status() == 200);
   * }</pre>
   */
  public static <T> T pollUntil(
      String what, Duration deadline, Supplier<T> probe, Predicate<? super T> done) {
    Instant end = Instant.now().plus(deadline);
    T last = probe.get();
    while (!done.test(last)) {
      if (Instant.now().isAfter(end)) {
        assertWithMessage("timed out after %s waiting for %s; last value: %s", deadline, what, last)
            .fail();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = probe.get();
    }
    return last;
  }
}
