package dev.pegasus.http.profiler;

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

  /** {@code seconds}: an integer from 1 to the configured maximum. */
  static Parameter seconds(int max) {
    return Parameter.integer(SECONDS, SECONDS, 1, max)
        .whenInvalid("invalid seconds \"%s\": expected an integer from 1 to " + max);
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
