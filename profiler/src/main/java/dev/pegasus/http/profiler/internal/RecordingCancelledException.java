package dev.pegasus.http.profiler.internal;

/** A recording stopped before its window ended (client gone, server closed). */
public final class RecordingCancelledException extends Exception {

  private static final long serialVersionUID = 1L;

  public RecordingCancelledException(String reason) {
    super(reason, null, false, false);
  }
}
