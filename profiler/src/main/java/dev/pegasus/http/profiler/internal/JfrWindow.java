package dev.pegasus.http.profiler.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Runs a JFR recording of a few event types for a fixed window and hands its events to a
 * consumer. JFR writes the events of all recordings of the process into shared chunks, so a dump
 * may hold events of other recordings (the growth stream, another server's profile): events are
 * filtered by type and by the window's start and end.
 */
public final class JfrWindow {

  private JfrWindow() {}

  /** What one window recorded: when it started and how long it ran. */
  public record Result(Instant start, Duration duration) {}

  /**
   * Records for {@code length}, unless {@code cancellation} fires first, and passes every event
   * of the given types to {@code sink}.
   */
  public static Result record(
      String name,
      Consumer<Recording> enable,
      Set<String> eventTypes,
      Duration length,
      Cancellation cancellation,
      Consumer<RecordedEvent> sink)
      throws RecordingCancelledException {
    Path dump = null;
    try (Recording recording = new Recording()) {
      recording.setName(name);
      recording.setToDisk(true);
      enable.accept(recording);
      Instant start = Instant.now();
      recording.start();
      boolean cancelled = cancellation.await(length);
      recording.stop();
      Instant end = Instant.now();
      if (cancelled) {
        throw new RecordingCancelledException(cancellation.reason());
      }
      dump = Files.createTempFile("pegasus-pprof-", ".jfr");
      recording.dump(dump);
      try (RecordingFile file = new RecordingFile(dump)) {
        while (file.hasMoreEvents()) {
          RecordedEvent event = file.readEvent();
          if (eventTypes.contains(event.getEventType().getName())
              && !event.getStartTime().isBefore(start)
              && !event.getStartTime().isAfter(end)) {
            sink.accept(event);
          }
        }
      }
      return new Result(start, Duration.between(start, end));
    } catch (IOException e) {
      throw new UncheckedIOException("JFR recording " + name + " failed", e);
    } finally {
      if (dump != null) {
        try {
          Files.deleteIfExists(dump);
        } catch (IOException e) {
          // A leftover temp file is harmless; the next dump uses a new name.
        }
      }
    }
  }
}
