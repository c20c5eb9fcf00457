package dev.pegasus.http.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats doubles the way Pegasus's table printer does ({@code std::fixed << setprecision(2)}
 * under glibc): two decimals, the exact binary value rounded half to even, and {@code 0.00} for
 * anything closer to zero than 1e-6.
 */
public final class Decimals {

  private Decimals() {}

  /** E.g. {@code 0.125 -> "0.12"}, {@code 12345 -> "12345.00"}, {@code 1e-9 -> "0.00"}. */
  public static String twoPlaces(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (Math.abs(x) < 1e-6) {
      return "0.00";
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return (long) x + ".00";
    }
    return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
