package dev.pegasus.http.replica;

import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.Parameter;

/**
 * The {@code app_id} of {@code /replica/data_version} and {@code /replica/manual_compaction}:
 * required, read as Pegasus's {@code buf2int32} reads it (C's base-0 syntax, so {@code 0x10} is
 * 16), from 0 to 2147483647, with Pegasus's two messages.
 */
final class AppIdParameter {

  static final String NAME = "app_id";

  static final Parameter PARAMETER =
      Parameter.integer(NAME, NAME, 0, Integer.MAX_VALUE)
          .radixPrefixes()
          .required()
          .whenMissing("app_id should not be empty")
          .whenInvalid("invalid app_id=%s");

  private AppIdParameter() {}

  /** The app id of a bound request. */
  static int value(HttpRequest request) {
    return (int) request.requiredInteger(NAME);
  }

  /** The value as the client sent it (decoded), which Pegasus's messages quote. */
  static String raw(HttpRequest request) {
    return request.parameterValues().get(NAME);
  }
}
