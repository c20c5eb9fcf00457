package dev.pegasus.http.core;

import java.math.BigInteger;

/**
 * The double formats of the two C++ JSON libraries Pegasus master prints with, rapidjson 1.1.0
 * and nlohmann/json. Both take their digits from Loitsch's Grisu2, re-implemented here as they do
 * it (64-bit "DiyFp" arithmetic, cached powers of ten 8 decades apart, the same digit generation
 * and round-weeding, with their one difference kept), because Grisu2 is not "shortest, then
 * closest": rapidjson prints 0.1 + 0.2 as {@code 0.30000000000000007}, which reads back as the
 * same double but is not Java's {@code 0.30000000000000004}. Layout differs between the two.
 */
final class PrettyDoubles {

  private PrettyDoubles() {}

  /**
   * rapidjson 1.1.0's {@code Writer::Double}: an integral value gets {@code .0}, plain notation
   * while the decimal exponent is in (-6, 21], else {@code d.ddde<exp>} without {@code +} or
   * leading zeros ({@code 1e21}, {@code 1.23e21}, {@code 1e-7}).
   *
   * @throws IllegalArgumentException for NaN and infinities, which rapidjson refuses to write
   */
  static String rapidjson(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON has no " + value);
    }
    return layout(value, -6, 21, false);
  }

  /**
   * nlohmann's {@code dump()}: like {@code printf("%.17g")} on the Grisu2 digits, plain notation
   * while the decimal exponent is in (-4, 15], else {@code d.ddde+XX} with a sign and at least
   * two exponent digits ({@code 1e+15}, {@code 1e-05}); an integral value gets {@code .0}; NaN
   * and infinities are {@code null}.
   */
  static String nlohmann(double value) {
    if (!Double.isFinite(value)) {
      return "null";
    }
    return layout(value, -4, 15, true);
  }

  /**
   * Lays out the digits {@code d1..dk} of {@code value = 0.d1..dk * 10^n}: plain when {@code
   * minExp < n <= maxExp}, else exponential (rapidjson's {@code Prettify} and nlohmann's {@code
   * format_buffer} agree but for these bounds and the exponent's form).
   */
  private static String layout(double value, int minExp, int maxExp, boolean nlohmann) {
    StringBuilder out = new StringBuilder(26);
    if (value < 0 || (value == 0 && 1 / value < 0)) {
      out.append('-');
      value = -value;
    }
    if (value == 0) {
      return out.append("0.0").toString();
    }
    char[] digits = new char[20];
    long lengthAndExponent = grisu2(value, digits, nlohmann);
    int k = (int) (lengthAndExponent >>> 32);
    int n = k + (int) lengthAndExponent;
    if (k <= n && n <= maxExp) {
      out.append(digits, 0, k);
      for (int i = k; i < n; i++) {
        out.append('0');
      }
      return out.append(".0").toString();
    }
    if (0 < n && n <= maxExp) {
      return out.append(digits, 0, n).append('.').append(digits, n, k - n).toString();
    }
    if (minExp < n && n <= 0) {
      out.append("0.");
      for (int i = n; i < 0; i++) {
        out.append('0');
      }
      return out.append(digits, 0, k).toString();
    }
    out.append(digits[0]);
    if (k > 1) {
      out.append('.').append(digits, 1, k - 1);
    }
    out.append('e');
    int x = n - 1;
    if (x < 0) {
      out.append('-');
      x = -x;
    } else if (nlohmann) {
      out.append('+');
    }
    if (nlohmann && x < 10) {
      out.append('0');
    }
    return out.append(x).toString();
  }

  // ---- Grisu2. Significands are unsigned 64-bit values held in longs. ----

  private static final int FIRST_POWER = -348;
  private static final int POWER_STEP = 8;
  /** Significands and binary exponents of 10^-348, 10^-340, ..., 10^340, rounded to nearest. */
  private static final long[] POWER_F = new long[87];

  private static final int[] POWER_E = new int[87];

  static {
    for (int i = 0; i < POWER_F.length; i++) {
      int decimal = FIRST_POWER + POWER_STEP * i;
      BigInteger q;
      int e;
      if (decimal >= 0) {
        q = BigInteger.TEN.pow(decimal);
        e = 0;
      } else {
        // 2^s / 10^-decimal with s large enough that the quotient has 70+ bits to round from.
        BigInteger d = BigInteger.TEN.pow(-decimal);
        int s = d.bitLength() + 72;
        q = BigInteger.ONE.shiftLeft(s).divide(d);
        e = -s;
      }
      int shift = q.bitLength() - 64;
      BigInteger f;
      if (shift <= 0) {
        f = q.shiftLeft(-shift);
      } else {
        f = q.shiftRight(shift - 1).add(BigInteger.ONE).shiftRight(1);
        if (f.bitLength() > 64) {
          f = f.shiftRight(1);
          shift++;
        }
      }
      POWER_F[i] = f.longValue();
      POWER_E[i] = e + shift;
    }
  }

  /** The high 64 bits of the 128-bit product, rounded (rapidjson's and nlohmann's {@code mul}). */
  private static long multiplyHigh(long x, long y) {
    long m32 = 0xFFFFFFFFL;
    long a = x >>> 32;
    long b = x & m32;
    long c = y >>> 32;
    long d = y & m32;
    long ac = a * c;
    long bc = b * c;
    long ad = a * d;
    long bd = b * d;
    long tmp = (bd >>> 32) + (ad & m32) + (bc & m32);
    tmp += 1L << 31;
    return ac + (ad >>> 32) + (bc >>> 32) + (tmp >>> 32);
  }

  /**
   * Writes the Grisu2 digits of a positive finite {@code value} into {@code buffer} and returns
   * {@code (length << 32) | (exponent & 0xFFFFFFFF)} with {@code value ~ digits * 10^exponent}.
   * {@code nlohmann} picks nlohmann's digit generation, which differs from rapidjson 1.1.0's
   * after the integral digits: it stops at {@code rest <= delta} (rapidjson: {@code <}) and
   * always weeds the last digit, where rapidjson stops weeding after 9 fractional digits (so it
   * keeps the digits of the interval's upper end: {@code 0.30000000000000007}).
   */
  static long grisu2(double value, char[] buffer, boolean nlohmann) {
    long bits = Double.doubleToRawLongBits(value);
    int biased = (int) ((bits >>> 52) & 0x7FF);
    long significand = bits & ((1L << 52) - 1);
    long f;
    int e;
    if (biased != 0) {
      f = significand | (1L << 52);
      e = biased - 1075;
    } else {
      f = significand;
      e = -1074;
    }
    // The boundaries m+ and m- halfway to the neighbouring doubles, on m+'s normalised exponent.
    long plusF = (f << 1) + 1;
    int plusE = e - 1;
    while ((plusF & (1L << 53)) == 0) {
      plusF <<= 1;
      plusE--;
    }
    plusF <<= 10;
    plusE -= 10;
    long minusF;
    int minusE;
    if (f == 1L << 52) {
      minusF = (f << 2) - 1;
      minusE = e - 2;
    } else {
      minusF = (f << 1) - 1;
      minusE = e - 1;
    }
    minusF <<= minusE - plusE;
    // The cached power c = 10^-K that brings m+'s exponent into [-60, -32].
    double dk = (-61 - plusE) * 0.30102999566398114 + 347;
    int k = (int) dk;
    if (dk - k > 0.0) {
      k++;
    }
    int index = (k >> 3) + 1;
    int exponent = -(FIRST_POWER + (index << 3));
    long cF = POWER_F[index];
    int cE = POWER_E[index];
    int zeros = Long.numberOfLeadingZeros(f);
    long w = multiplyHigh(f << zeros, cF);
    long wPlus = multiplyHigh(plusF, cF) - 1;
    long wMinus = multiplyHigh(minusF, cF) + 1;
    int oneE = plusE + cE + 64; // the (common) exponent of the three products
    return digitGen(w, wPlus, oneE, wPlus - wMinus, buffer, exponent, nlohmann);
  }

  private static final long[] POW10 = {
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000
  };

  private static long digitGen(
      long w, long mp, int mpE, long delta, char[] buffer, int exponent, boolean nlohmann) {
    int shift = -mpE;
    long one = 1L << shift;
    long wpW = mp - w;
    long p1 = mp >>> shift; // fits 32 bits unsigned
    long p2 = mp & (one - 1);
    int kappa = decimalDigits(p1);
    int length = 0;
    while (kappa > 0) {
      long pow = POW10[kappa - 1];
      long d = p1 / pow;
      p1 %= pow;
      if (d != 0 || length != 0) {
        buffer[length++] = (char) ('0' + d);
      }
      kappa--;
      long rest = (p1 << shift) + p2;
      if (Long.compareUnsigned(rest, delta) <= 0) {
        round(buffer, length, delta, rest, POW10[kappa] << shift, wpW);
        return ((long) length << 32) | ((exponent + kappa) & 0xFFFFFFFFL);
      }
    }
    for (; ; ) {
      p2 *= 10;
      delta *= 10;
      wpW *= 10; // both scale it with the digits: nlohmann's dist, rapidjson's wp_w * 10^index
      long d = p2 >>> shift;
      if (d != 0 || length != 0) {
        buffer[length++] = (char) ('0' + d);
      }
      p2 &= one - 1;
      kappa--;
      if (nlohmann && Long.compareUnsigned(p2, delta) <= 0) {
        round(buffer, length, delta, p2, one, wpW);
        return ((long) length << 32) | ((exponent + kappa) & 0xFFFFFFFFL);
      }
      if (!nlohmann && Long.compareUnsigned(p2, delta) < 0) {
        int index = -kappa;
        // rapidjson weeds with wp_w * kPow10[index] while index < 9 (its table ends at 10^9) and
        // with 0 beyond, i.e. not at all: that keeps 0.1 + 0.2 at the verified ...07.
        round(buffer, length, delta, p2, one, index < 9 ? wpW : 0);
        return ((long) length << 32) | ((exponent + kappa) & 0xFFFFFFFFL);
      }
    }
  }

  /** Moves the last digit down while that brings the digits closer to the value (unsigned). */
  private static void round(char[] buffer, int length, long delta, long rest, long tenKappa, long wpW) {
    while (Long.compareUnsigned(rest, wpW) < 0
        && Long.compareUnsigned(delta - rest, tenKappa) >= 0
        && (Long.compareUnsigned(rest + tenKappa, wpW) < 0
            || Long.compareUnsigned(wpW - rest, rest + tenKappa - wpW) > 0)) {
      buffer[length - 1]--;
      rest += tenKappa;
    }
  }

  private static int decimalDigits(long n) {
    int digits = 1;
    while (digits < 10 && n >= POW10[digits]) {
      digits++;
    }
    return digits;
  }

  /** For tests: the cached power of 10^(-348 + 8 * index) as {@code {significand, exponent}}. */
  static long[] cachedPower(int index) {
    return new long[] {POWER_F[index], POWER_E[index]};
  }
}
