package dev.pegasus.http.profiler.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one always-on, low-rate JFR stream of {@code jdk.ObjectAllocationSample} events of the
 * process, shared by the profilers of every server in it: JFR's allocation samples are
 * process-wide anyway, so one stream serves all servers and its cost does not grow with their
 * number. It starts with the first subscription and closes with the last; each event goes to
 * every subscriber, which counts from its own start.
 *
 * <p>Bounded: JFR throttles the event to 100 samples a second ({@link #THROTTLE}), and JFR's
 * on-disk repository for the stream is capped at 2 minutes and 32 MB.
 */
public final class SharedAllocationStream {

  static final String EVENT = "jdk.ObjectAllocationSample";
  static final String THROTTLE = "100/s";
  static final Duration MAX_AGE = Duration.ofMinutes(2);
  static final long MAX_SIZE_BYTES = 32L * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(SharedAllocationStream.class);
  private static final Object LOCK = new Object();
  private static final Set<AllocationGrowth> subscribers = new CopyOnWriteArraySet<>();
  private static RecordingStream stream;

  private SharedAllocationStream() {}

  static void subscribe(AllocationGrowth growth) {
    synchronized (LOCK) {
      subscribers.add(growth);
      if (stream == null && FlightRecorder.isAvailable()) {
        stream = start();
      }
    }
  }

  static void unsubscribe(AllocationGrowth growth) {
    RecordingStream closing = null;
    synchronized (LOCK) {
      subscribers.remove(growth);
      if (subscribers.isEmpty() && stream != null) {
        closing = stream;
        stream = null;
      }
    }
    if (closing != null) {
      closing.close();
      log.debug("allocation growth stream closed");
    }
  }

  /** How many growth counts are subscribed (one per open server with a profiler), for tests. */
  public static int subscriberCount() {
    return subscribers.size();
  }

  /** Whether the shared stream is running, for tests. */
  public static boolean isRunning() {
    synchronized (LOCK) {
      return stream != null;
    }
  }

  /** The running stream, or null when JFR refuses to start one (growth then stays empty). */
  private static RecordingStream start() {
    RecordingStream rs = null;
    try {
      rs = new RecordingStream();
      rs.enable(EVENT).with("throttle", THROTTLE);
      rs.setMaxAge(MAX_AGE);
      rs.setMaxSize(MAX_SIZE_BYTES);
      rs.setOrdered(false);
      rs.onEvent(EVENT, SharedAllocationStream::dispatch);
      rs.startAsync();
      log.debug("allocation growth stream started ({} samples)", THROTTLE);
      return rs;
    } catch (RuntimeException e) {
      // A server without growth is better than a server that does not start.
      log.warn("cannot start the JFR allocation stream; /pprof/growth stays empty", e);
      if (rs != null) {
        rs.close();
      }
      return null;
    }
  }

  private static void dispatch(RecordedEvent event) {
    try {
      List<Frame> stack = JfrStacks.allocation(event);
      long weight = event.getLong("weight");
      for (AllocationGrowth g : subscribers) {
        g.add(stack, weight);
      }
    } catch (RuntimeException e) {
      // One odd event must not end the process-wide stream.
      log.debug("skipped an allocation sample", e);
    }
  }
}
