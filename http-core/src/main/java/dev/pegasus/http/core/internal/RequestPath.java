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
    if (isAlreadyNormal(rawPath)) {
      return rawPath;
    }
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

  /** The common case, {@code /meta/app}: nothing to decode, no empty segment, no trailing slash. */
  private static boolean isAlreadyNormal(String path) {
    int n = path.length();
    if (n == 0 || path.charAt(0) != '/' || (n > 1 && path.charAt(n - 1) == '/')) {
      return false;
    }
    char previous = 0;
    for (int i = 0; i < n; i++) {
      char c = path.charAt(i);
      if (c == '%' || (c == '/' && previous == '/')) {
        return false;
      }
      previous = c;
    }
    return true;
  }
}
