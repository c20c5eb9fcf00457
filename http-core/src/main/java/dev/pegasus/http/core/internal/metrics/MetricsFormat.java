package dev.pegasus.http.core.internal.metrics;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.HttpRequest;
import java.util.Locale;

/**
 * The bodies {@code /metrics} can answer with, and the choice among them from a request's
 * {@code Accept} header (RFC 9110 §12.5.1, q-values honoured).
 *
 * <p>The rules, pinned by {@code MetricsFormatTest}:
 *
 * <ul>
 *   <li>No Accept, an empty one, or one with no well-formed element: Pegasus JSON (the Go
 *       collector, the hotspot detector and the shell send none, curl sends {@code *}{@code /*}).
 *   <li>{@code application/openmetrics-text} with no version, version 1.0.0 or 0.0.1: OpenMetrics
 *       1.0.0. {@code text/plain} with no version or version 0.0.4: Prometheus text 0.0.4. {@code
 *       application/json}: JSON. Other versions match nothing; other parameters (charset,
 *       escaping) are ignored.
 *   <li>Wildcards: {@code *}{@code /*} matches all three, {@code text/*} Prometheus text, {@code
 *       application/*} JSON and OpenMetrics. Each format takes the q of the most specific element
 *       that matches it, a version counting as more specific (so {@code text/plain;q=0, *}{@code /*}
 *       excludes Prometheus text, and so does {@code text/plain;version=0.0.4;q=0, text/plain});
 *       of two equally specific elements the first counts.
 *   <li>The highest q wins; a tie goes to the more specific match, then to JSON, Prometheus text,
 *       OpenMetrics in that order, so a plain {@code *}{@code /*} and a browser's {@code
 *       text/html,…,*}{@code /*;q=0.8} get JSON.
 *   <li>{@code q=0} excludes. An element with a malformed q (not a number, outside 0–1, more than
 *       three decimals) or without a {@code type/subtype} is ignored.
 *   <li>Well-formed elements but no format with q &gt; 0 (e.g. only {@code text/html}): 406.
 * </ul>
 */
public enum MetricsFormat {
  /** Pegasus master's P-JSON query result: no Accept, {@code *}{@code /*}, or JSON asked for. */
  PEGASUS_JSON,
  /** Prometheus text format 0.0.4. */
  PROMETHEUS_TEXT,
  /** OpenMetrics text 1.0.0. */
  OPENMETRICS;

  /** What a 406 says: which media types this endpoint can serve. */
  static final String NOT_ACCEPTABLE =
      "/metrics serves application/json, text/plain;version=0.0.4 and"
          + " application/openmetrics-text;version=1.0.0; the Accept header allows none of them";

  private static final MetricsFormat[] TIE_ORDER = {PEGASUS_JSON, PROMETHEUS_TEXT, OPENMETRICS};

  /**
   * The format for a request's Accept header; its 406 says {@code Vary: Accept}, as every answer
   * of an endpoint that negotiates does.
   */
  static MetricsFormat negotiate(HttpRequest request) throws EndpointException {
    try {
      return negotiate(request.header("Accept").orElse(null));
    } catch (EndpointException e) {
      throw e.withHeader("Vary", "Accept");
    }
  }

  /**
   * The format for this Accept header (null when absent).
   *
   * @throws EndpointException 406 when the header lists well-formed media ranges but allows none
   *     of the three formats
   */
  public static MetricsFormat negotiate(String accept) throws EndpointException {
    if (accept == null || accept.isBlank()) {
      return PEGASUS_JSON;
    }
    // Per format: the q and specificity of the most specific element matching it (-1: none yet).
    double[] q = new double[values().length];
    int[] specificity = {-1, -1, -1};
    boolean anyWellFormed = false;
    for (String element : accept.split(",")) {
      MediaRange range = MediaRange.parse(element);
      if (range == null) {
        continue;
      }
      anyWellFormed = true;
      for (MetricsFormat format : values()) {
        int s = range.specificityFor(format);
        if (s > specificity[format.ordinal()]) {
          specificity[format.ordinal()] = s;
          q[format.ordinal()] = range.q;
        }
      }
    }
    if (!anyWellFormed) {
      return PEGASUS_JSON;
    }
    MetricsFormat best = null;
    for (MetricsFormat format : TIE_ORDER) {
      int i = format.ordinal();
      if (specificity[i] < 0 || q[i] <= 0) {
        continue;
      }
      if (best == null
          || q[i] > q[best.ordinal()]
          || (q[i] == q[best.ordinal()] && specificity[i] > specificity[best.ordinal()])) {
        best = format;
      }
    }
    if (best == null) {
      throw new EndpointException(406, NOT_ACCEPTABLE);
    }
    return best;
  }

  /** One element of an Accept header: type, subtype, the version parameter and q. */
  private record MediaRange(String type, String subtype, String version, double q) {

    /** The element, or null when it is malformed (no {@code type/subtype}, a bad q). */
    static MediaRange parse(String element) {
      String[] parts = element.split(";");
      String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
      int slash = mediaType.indexOf('/');
      if (slash <= 0 || slash == mediaType.length() - 1) {
        return null;
      }
      String type = mediaType.substring(0, slash).trim();
      String subtype = mediaType.substring(slash + 1).trim();
      if (type.isEmpty() || subtype.isEmpty() || (type.equals("*") && !subtype.equals("*"))) {
        return null;
      }
      String version = null;
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i];
        int eq = parameter.indexOf('=');
        if (eq < 0) {
          if (parameter.isBlank()) {
            continue;
          }
          return null;
        }
        String name = parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String value = unquote(parameter.substring(eq + 1).trim());
        if (name.equals("q")) {
          q = qValue(value);
          if (Double.isNaN(q)) {
            return null;
          }
        } else if (name.equals("version")) {
          version = value.toLowerCase(Locale.ROOT);
        }
      }
      return new MediaRange(type, subtype, version, q);
    }

    /** RFC 9110's qvalue: 0 to 1 with at most three decimals; NaN when it is not one. */
    private static double qValue(String value) {
      if (!value.matches("(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)")) {
        return Double.NaN;
      }
      return Double.parseDouble(value);
    }

    private static String unquote(String value) {
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        return value.substring(1, value.length() - 1);
      }
      return value;
    }

    /**
     * How specifically this range names the format: 3 exact with a fitting version, 2 exact, 1
     * {@code type/*}, 0 {@code *}{@code /*}, -1 not at all.
     */
    int specificityFor(MetricsFormat format) {
      if (type.equals("*")) {
        return 0;
      }
      switch (format) {
        case PEGASUS_JSON:
          return type.equals("application") ? matchSubtype("json", true) : -1;
        case PROMETHEUS_TEXT:
          return type.equals("text") ? matchSubtype("plain", version == null || version.equals("0.0.4")) : -1;
        case OPENMETRICS:
          return type.equals("application")
              ? matchSubtype(
                  "openmetrics-text",
                  version == null || version.equals("1.0.0") || version.equals("0.0.1"))
              : -1;
        default:
          throw new AssertionError(format);
      }
    }

    private int matchSubtype(String wanted, boolean versionFits) {
      if (subtype.equals("*")) {
        return 1;
      }
      if (!subtype.equals(wanted) || !versionFits) {
        return -1;
      }
      return version == null ? 2 : 3;
    }
  }
}
