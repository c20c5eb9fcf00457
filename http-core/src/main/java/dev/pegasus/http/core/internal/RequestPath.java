package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.spi.EndpointException;

/**
 * Turns a raw request path into the key endpoints are registered under: decoded, split on
 * {@code /}, empty segments dropped, so that {@code //pprof///heap/} reaches {@code /pprof/heap}.
 */
public final class RequestPath {

  private RequestPath() {}

  /** The normalised absolute path; {@code /} for the root. */
  public static String normalise(String rawPath) throws EndpointException {
    String decoded = PercentDecoder.decode(rawPath);
    StringBuilder out = new StringBuilder(decoded.length() + 1);
    int n = decoded.length();
    int i = 0;
    while (i < n) {
      while (i < n && decoded.charAt(i) == '/') {
        i++;
      }
      int start = i;
      while (i < n && decoded.charAt(i) != '/') {
        i++;
      }
      if (i > start) {
        out.append('/').append(decoded, start, i);
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }
}
