package dev.pegasus.http.core.internal.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Prometheus name and the {@code app} / {@code partition} labels the Pegasus 2.5 exporter
 * gave a perf-counter snapshot entry (reference §7.3, {@code pegasus_counter_reporter.cpp}),
 * computed exactly as upstream so that dashboards built on a 2.5 cluster keep working.
 *
 * <p>Hand-written on purpose: the mangling is upstream's own (no separator before {@code p999},
 * only six characters replaced), not a Prometheus convention a library knows.
 *
 * @param metricName the mangled name; may be an invalid Prometheus name (upstream lets a {@code -}
 *     through), see {@link #isValidMetricName()}
 * @param app the {@code app} label, possibly empty
 * @param partition the {@code partition} label, possibly empty
 */
public record LegacyCounterName(String metricName, String app, String partition) {

  private static final Pattern VALID_METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  /** The suffix a 2.5 snapshot gives the P999 entry of a percentile counter. */
  public static final String P999_SUFFIX = ".p999";

  /**
   * The series of one snapshot entry name ({@code replica*app.pegasus*get_latency@2.3.p999}), or
   * empty where upstream aborts the process (more than three {@code .}-parts after the last
   * {@code @}) or the name has no token at all.
   */
  public static Optional<LegacyCounterName> of(String snapshotName) {
    List<String> tokens = splitArgs(snapshotName, '@');
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    String[] app = {"", "", ""};
    if (tokens.size() >= 2) {
      List<String> parts = splitArgs(tokens.get(tokens.size() - 1), '.');
      if (parts.size() > 3) {
        return Optional.empty();
      }
      for (int i = 0; i < parts.size(); i++) {
        app[i] = parts.get(i);
      }
    }
    if (app[1].equals("p999")) {
      app[2] = "p999";
      app[1] = "";
    }
    String name = mangle(tokens.get(0) + app[2]);
    return Optional.of(new LegacyCounterName(name, app[0], app[1]));
  }

  /** True if {@link #metricName} is a valid Prometheus metric name (the exporter skips the rest). */
  public boolean isValidMetricName() {
    return VALID_METRIC_NAME.matcher(metricName).matches();
  }

  /** Step 5: {@code @ #} become {@code :}; {@code . * ( )} become {@code _}; nothing else changes. */
  static String mangle(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      switch (c) {
        case '@', '#' -> out.append(':');
        case '.', '*', '(', ')' -> out.append('_');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** rDSN's {@code split_args}: split on {@code separator}, trim spaces, drop empty tokens. */
  static List<String> splitArgs(String s, char separator) {
    List<String> tokens = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == separator) {
        String token = s.substring(start, i).strip();
        if (!token.isEmpty()) {
          tokens.add(token);
        }
        start = i + 1;
      }
    }
    return tokens;
  }
}
