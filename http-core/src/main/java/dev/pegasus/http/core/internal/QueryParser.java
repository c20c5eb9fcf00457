package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.spi.EndpointException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits a raw query on {@code &} and at the first {@code =} of each part, then percent-decodes
 * names and values, so that an encoded {@code %26} or {@code %3D} stays inside its value. Empty
 * parts ({@code a=1&&b=2}, a trailing {@code &}) are skipped; an empty name or a repeated name is
 * a 400.
 */
public final class QueryParser {

  private QueryParser() {}

  /** The decoded parameters in the order they appear. */
  public static Map<String, String> parse(String rawQuery) throws EndpointException {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Map.of();
    }
    Map<String, String> params = new LinkedHashMap<>();
    int n = rawQuery.length();
    int start = 0;
    while (start <= n) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = n;
      }
      if (end > start) {
        add(params, rawQuery.substring(start, end));
      }
      start = end + 1;
    }
    return params;
  }

  private static void add(Map<String, String> params, String part) throws EndpointException {
    int eq = part.indexOf('=');
    String name = PercentDecoder.decode(eq < 0 ? part : part.substring(0, eq));
    String value = eq < 0 ? "" : PercentDecoder.decode(part.substring(eq + 1));
    if (name.isEmpty()) {
      throw EndpointException.badRequest(
          "failed to parse request: a parameter has no name: \"" + part + "\"");
    }
    if (params.putIfAbsent(name, value) != null) {
      throw EndpointException.badRequest(
          PercentDecoder.PREFIX + "duplicate parameter: " + name);
    }
  }
}
