package dev.pegasus.http.profiler;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.profiler.internal.Cancellation;
import dev.pegasus.http.profiler.internal.ProfileData;
import dev.pegasus.http.profiler.internal.ProfilingSlot;
import dev.pegasus.http.profiler.internal.RecordingCancelledException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one recording in the server's profiling slot: a second request while one runs gets 409
 * with {@code Retry-After} (the seconds left); a client that closes its connection cancels the
 * recording and frees the slot at once.
 */
final class ProfilingAction {

  private static final Logger log = LoggerFactory.getLogger(ProfilingAction.class);

  /** A recording that stops early when its cancellation fires. */
  interface Recorder {
    ProfileData record(Cancellation cancellation) throws RecordingCancelledException;
  }

  private ProfilingAction() {}

  static ProfileData run(
      ProfilerState state, HttpRequest request, String what, Duration length, Recorder recorder)
      throws EndpointException {
    if (!state.isJfrAvailable()) {
      throw new EndpointException(503, "JFR is not available in this JVM, so " + what + "s cannot be taken");
    }
    ProfilingSlot slot = state.slot();
    ProfilingSlot.Lease lease =
        slot.tryAcquire(what, length).orElseThrow(() -> busy(slot));
    try (lease) {
      request.connection().onClose(() -> lease.cancellation().cancel("the client closed the connection"));
      return recorder.record(lease.cancellation());
    } catch (RecordingCancelledException e) {
      log.info("{} for {} cancelled: {}", what, request.remoteAddress(), e.getMessage());
      throw new EndpointException(503, what + " cancelled: " + e.getMessage());
    }
  }

  private static EndpointException busy(ProfilingSlot slot) {
    long left = slot.secondsLeft();
    return EndpointException.conflict(
            "profiling already in progress on this server ("
                + slot.busyWith().orElse("a profile") + "); retry in " + left + " s")
        .withHeader("Retry-After", Long.toString(left));
  }
}
