package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.Parameter;
import java.util.Map;

/**
 * Checks decoded query parameters against an endpoint's declarations and records their typed
 * values on the request: undeclared, missing required and malformed parameters are a 400 that
 * names the parameter.
 */
public final class ParameterBinder {

  private ParameterBinder() {}

  /** Validates {@code params} against {@code spec} and adds their typed values to {@code request}. */
  public static void bind(EndpointSpec spec, Map<String, String> params, HttpRequest.Builder request)
      throws EndpointException {
    for (String name : params.keySet()) {
      if (spec.parameter(name).isEmpty() && !spec.ignoresUndeclaredParameters()) {
        throw EndpointException.badRequest(
            "unknown parameter \"" + name + "\" for " + spec.path()
                + "; accepted: " + spec.acceptedParameterNames());
      }
    }
    for (Parameter p : spec.parameters()) {
      String raw = params.get(p.name());
      if (raw == null || (raw.isEmpty() && p.kind() != Parameter.Kind.FLAG)) {
        if (p.isRequired()) {
          throw EndpointException.badRequest(
              p.missingMessage().orElse("missing required parameter \"" + p.name() + "\""));
        }
        if (raw == null) {
          continue;
        }
      }
      request.value(p.name(), raw, typed(p, raw));
    }
  }

  private static Object typed(Parameter p, String raw) throws EndpointException {
    return switch (p.kind()) {
      case FLAG -> flag(p, raw);
      case STRING -> raw;
      case INT -> integer(p, raw);
    };
  }

  private static Boolean flag(Parameter p, String raw) throws EndpointException {
    switch (raw) {
      case "", "true", "1":
        return Boolean.TRUE;
      case "false", "0":
        return Boolean.FALSE;
      default:
        throw invalid(
            p,
            raw,
            "invalid value for flag \"" + p.name() + "\": \"" + raw + "\"; use " + p.name()
                + ", " + p.name() + "=true|1 or " + p.name() + "=false|0");
    }
  }

  private static Long integer(Parameter p, String raw) throws EndpointException {
    String expected =
        "invalid value for \"" + p.name() + "\": \"" + raw + "\"; expected an integer from "
            + p.min() + " to " + p.max();
    if (raw.isEmpty() || raw.length() > 20 || !isDecimal(raw)) {
      throw invalid(p, raw, expected);
    }
    long value;
    try {
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw invalid(p, raw, expected);
    }
    if (value < p.min() || value > p.max()) {
      throw invalid(p, raw, expected);
    }
    return value;
  }

  private static boolean isDecimal(String raw) {
    int start = raw.charAt(0) == '-' || raw.charAt(0) == '+' ? 1 : 0;
    if (start == raw.length()) {
      return false;
    }
    for (int i = start; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static EndpointException invalid(Parameter p, String raw, String defaultMessage) {
    return EndpointException.badRequest(
        p.invalidMessage().map(format -> format.replace("%s", raw)).orElse(defaultMessage));
  }
}
