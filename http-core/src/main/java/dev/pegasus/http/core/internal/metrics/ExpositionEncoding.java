package dev.pegasus.http.core.internal.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Whether a scrape asked for gzip ({@code Accept-Encoding}, RFC 9110 §12.5.3: Prometheus sends
 * {@code gzip}), and the compressing stream.
 */
final class ExpositionEncoding {

  private ExpositionEncoding() {}

  /**
   * True if {@code gzip} (or {@code x-gzip}, or {@code *} when gzip is not named) is listed with a
   * q above 0. A malformed q counts as 0.
   */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null || acceptEncoding.isBlank()) {
      return false;
    }
    Double gzip = null;
    Double any = null;
    for (String element : acceptEncoding.split(",")) {
      String[] parts = element.split(";");
      String coding = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].trim();
        if (p.regionMatches(true, 0, "q=", 0, 2)) {
          q = qValue(p.substring(2).trim());
        }
      }
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        gzip = gzip == null ? q : Math.max(gzip, q);
      } else if (coding.equals("*")) {
        any = q;
      }
    }
    if (gzip != null) {
      return gzip > 0;
    }
    return any != null && any > 0;
  }

  private static double qValue(String value) {
    if (!value.matches("(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)")) {
      return 0;
    }
    return Double.parseDouble(value);
  }

  /**
   * Gzip at the fastest level: a scrape body is highly repetitive (a few percent of its size at
   * any level), so level 6's extra work buys little per scrape.
   */
  static OutputStream gzip(OutputStream out) throws IOException {
    return new GZIPOutputStream(out, 64 * 1024) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }
}
