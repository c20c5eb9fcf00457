package dev.pegasus.http.profiler;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.ErrorStyle;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.Parameter;
import java.util.Map;

/**
 * What every {@code /pprof/*} spec shares: sensitive (loopback or admin token), errors as {@code
 * text/plain} with {@code X-Go-Pprof: 1} so that {@code go tool pprof} prints them, and the
 * {@code seconds} and {@code format} parameters.
 */
final class PprofSpecs {

  static final ErrorStyle ERRORS = ErrorStyle.plainText(Map.of("X-Go-Pprof", "1"));
  static final String SECONDS = "seconds";
  static final String FORMAT = "format";

  private PprofSpecs() {}

  static EndpointSpec.Builder builder(String path, String summary) {
    return EndpointSpec.builder(path).summary(summary).sensitive().errorStyle(ERRORS);
  }

  /** {@code seconds} where it is accepted and ignored ({@code /pprof/growth}, which answers at once). */
  static Parameter anySeconds() {
    return Parameter.integer(SECONDS, SECONDS, 1, Integer.MAX_VALUE)
        .whenInvalid("invalid seconds \"%s\": expected an integer from 1 to " + Integer.MAX_VALUE);
  }

  /** The most seconds {@code max_profile_seconds} may allow. */
  static final int HARD_MAX_SECONDS = 86_400;

  /**
   * {@code seconds}: an integer from 1 up; the maximum is the state's {@code max_profile_seconds},
   * checked by {@link #seconds(HttpRequest, ProfilerState, int)} since it may change at run time.
   */
  static Parameter seconds() {
    // Read as text and checked by seconds(request, ...): the bound changes with the flag.
    return Parameter.string(SECONDS, SECONDS);
  }

  /** The requested window, or {@code defaultSeconds}; a 400 above the current maximum. */
  static long seconds(HttpRequest request, ProfilerState state, int defaultSeconds)
      throws EndpointException {
    int max = state.maxSeconds();
    java.util.Optional<String> text = request.string(SECONDS);
    if (text.isEmpty()) {
      return Math.min(defaultSeconds, max); // a maximum lowered below the default shortens it too
    }
    long seconds;
    try {
      seconds = text.get().chars().allMatch(c -> c >= '0' && c <= '9') && !text.get().isEmpty()
          ? Long.parseLong(text.get())
          : -1;
    } catch (NumberFormatException tooLong) {
      seconds = -1;
    }
    if (seconds < 1 || seconds > max) {
      throw EndpointException.badRequest(
          "invalid seconds \"" + (text.get().length() <= 64 ? text.get() : text.get().substring(0, 64) + "...")
              + "\": expected an integer from 1 to " + max);
    }
    return seconds;
  }

  /**
   * {@code format}: {@code legacy} (the default, gperftools formats) or {@code proto} (gzipped
   * profile.proto); the framework answers any other value with a 400 naming both choices.
   */
  static Parameter format() {
    return Parameter.oneOf(FORMAT, "legacy", "proto")
        .whenInvalid(
            "unknown format \"%s\": use format=proto for gzipped profile.proto, or leave it out"
                + " for the gperftools format");
  }

  /** True for {@code format=proto}; false when absent or {@code legacy}. */
  static boolean wantsProto(HttpRequest request) {
    return request.string(FORMAT).filter("proto"::equals).isPresent();
  }
}
