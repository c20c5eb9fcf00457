package dev.pegasus.http.core.internal;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.Parameter;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Checks decoded query parameters against an endpoint's declarations and records their typed
 * values, and the spec itself, on the request: undeclared, missing required and malformed
 * parameters are a 400 that names the parameter. Values quoted in messages are bounded ({@link
 * ErrorText}), as every error that echoes what the client sent.
 */
public final class ParameterBinder {

  private ParameterBinder() {}

  /**
   * Validates {@code params} against {@code spec} and adds their typed values, and the spec, to
   * {@code request}.
   */
  public static void bind(EndpointSpec spec, Map<String, String> params, HttpRequest.Builder request)
      throws EndpointException {
    request.spec(spec);
    for (String name : params.keySet()) {
      if (spec.parameter(name).isEmpty() && !spec.ignoresUndeclaredParameters()) {
        throw EndpointException.badRequest(
            "unknown parameter \"" + quoted(name) + "\" for " + spec.path()
                + "; accepted: " + spec.acceptedParameterNames());
      }
    }
    Map<String, Object> typedValues = new HashMap<>();
    for (Parameter p : spec.parameters()) {
      String raw = params.get(p.name());
      if (raw == null || (raw.isEmpty() && p.kind() != Parameter.Kind.FLAG)) {
        if (p.isRequired()) {
          throw missing(p);
        }
        if (raw == null) {
          continue;
        }
      }
      Object typed = typed(p, raw);
      if (p.isRequired() && typed instanceof ImmutableList<?> items && items.isEmpty()) {
        // types=,, names no item at all: the same mistake as types= for a required list.
        throw missing(p);
      }
      typedValues.put(p.name(), typed);
    }
    // Recorded in the client's order; an undeclared parameter a spec ignores is kept as its text,
    // for handlers that read the whole query (/metrics: its parameters have master's own rules).
    for (Map.Entry<String, String> e : params.entrySet()) {
      Object typed = typedValues.get(e.getKey());
      if (typed != null) {
        request.value(e.getKey(), e.getValue(), typed);
      } else if (spec.parameter(e.getKey()).isEmpty()) {
        request.value(e.getKey(), e.getValue(), e.getValue());
      }
    }
  }

  private static EndpointException missing(Parameter p) {
    return EndpointException.badRequest(
        p.missingMessage().orElse("missing required parameter \"" + p.name() + "\""));
  }

  private static Object typed(Parameter p, String raw) throws EndpointException {
    return switch (p.kind()) {
      case FLAG -> flag(p, raw);
      case STRING -> raw;
      case INT -> integer(p, raw);
      case ONE_OF -> oneOf(p, raw);
      case LIST -> list(raw);
    };
  }

  private static String oneOf(Parameter p, String raw) throws EndpointException {
    if (p.allowedValues().contains(raw)) {
      return raw;
    }
    throw invalid(
        p,
        raw,
        "invalid value for \"" + p.name() + "\": \"" + quoted(raw) + "\"; expected one of "
            + String.join(", ", p.allowedValues()));
  }

  /**
   * Pegasus master's list rule ({@code split_args}): split on {@code ,}, strip leading spaces
   * and tabs and trailing spaces, tabs, CR and LF from each item, drop empty items. Public for
   * {@code /metrics}, whose parameters are parsed by its handler with this same rule.
   */
  public static ImmutableList<String> list(String raw) {
    ImmutableList.Builder<String> items = ImmutableList.builder();
    int start = 0;
    while (start <= raw.length()) {
      int comma = raw.indexOf(',', start);
      int end = comma < 0 ? raw.length() : comma;
      int from = start;
      int to = end;
      while (from < to && (raw.charAt(from) == ' ' || raw.charAt(from) == '\t')) {
        from++;
      }
      while (to > from && " \t\r\n".indexOf(raw.charAt(to - 1)) >= 0) {
        to--;
      }
      if (from < to) {
        items.add(raw.substring(from, to));
      }
      start = end + 1;
    }
    return items.build();
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
            "invalid value for flag \"" + p.name() + "\": \"" + quoted(raw) + "\"; use " + p.name()
                + ", " + p.name() + "=true|1 or " + p.name() + "=false|0");
    }
  }

  private static Long integer(Parameter p, String raw) throws EndpointException {
    String expected =
        "invalid value for \"" + p.name() + "\": \"" + quoted(raw) + "\"; expected an integer from "
            + p.min() + " to " + p.max();
    if (p.acceptsRadixPrefixes()) {
      OptionalLong parsed = RadixPrefixedIntegers.parse(raw);
      if (parsed.isEmpty() || parsed.getAsLong() < p.min() || parsed.getAsLong() > p.max()) {
        throw invalid(p, raw, expected);
      }
      return parsed.getAsLong();
    }
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
        p.invalidMessage().map(format -> format.replace("%s", quoted(raw))).orElse(defaultMessage));
  }

  /** What the client sent, bounded and with control characters escaped. */
  private static String quoted(String sent) {
    return ErrorText.bounded(sent, ErrorText.MAX_PATH);
  }
}
