package dev.pegasus.http.core;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * The double formats of the two C++ JSON libraries Pegasus master prints with. Both start from
 * the shortest digits that read back as the same double (Jackson's Schubfach, the algorithm of
 * Java 19's {@code Double.toString}); they differ in layout only. The C++ libraries use Grisu2,
 * which for a small fraction of doubles prints a digit more than the shortest; such a value
 * differs here in its last digit but parses to the same double.
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
   * nlohmann's {@code dump()}: like {@code printf("%.17g")} on the shortest digits, plain
   * notation while the decimal exponent is in (-4, 15], else {@code d.ddde+XX} with a sign and at
   * least two exponent digits ({@code 1e+15}, {@code 1e-05}); an integral value gets {@code .0};
   * NaN and infinities are {@code null}.
   */
  static String nlohmann(double value) {
    if (!Double.isFinite(value)) {
      return "null";
    }
    return layout(value, -4, 15, true);
  }

  /**
   * Lays out the shortest digits {@code d1..dk} of {@code value = 0.d1..dk * 10^n}: plain when
   * {@code minExp < n <= maxExp}, else exponential (both libraries' {@code Prettify} / {@code
   * format_buffer}, which agree but for the bounds and the exponent's form).
   */
  private static String layout(double value, int minExp, int maxExp, boolean printfExponent) {
    StringBuilder out = new StringBuilder(24);
    if (value < 0 || (value == 0 && 1 / value < 0)) {
      out.append('-');
      value = -value;
    }
    if (value == 0) {
      return out.append("0.0").toString();
    }
    // Schubfach's text is "123.45" or "1.2345E-7"; take its digits and where its point is.
    String text = NumberOutput.toString(value, true);
    int e = text.indexOf('E');
    String mantissa = e < 0 ? text : text.substring(0, e);
    int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
    int dot = mantissa.indexOf('.');
    StringBuilder digits = new StringBuilder(mantissa.length());
    digits.append(mantissa, 0, dot).append(mantissa, dot + 1, mantissa.length());
    int point = dot + exponent; // value = 0.<digits> * 10^point
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
    }
    digits.delete(0, lead);
    point -= lead;
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    digits.setLength(end);
    int k = digits.length();
    int n = point;
    if (k <= n && n <= maxExp) {
      out.append(digits);
      for (int i = k; i < n; i++) {
        out.append('0');
      }
      return out.append(".0").toString();
    }
    if (0 < n && n <= maxExp) {
      return out.append(digits, 0, n).append('.').append(digits, n, k).toString();
    }
    if (minExp < n && n <= 0) {
      out.append("0.");
      for (int i = n; i < 0; i++) {
        out.append('0');
      }
      return out.append(digits).toString();
    }
    out.append(digits.charAt(0));
    if (k > 1) {
      out.append('.').append(digits, 1, k);
    }
    out.append('e');
    int x = n - 1;
    if (x < 0) {
      out.append('-');
      x = -x;
    } else if (printfExponent) {
      out.append('+');
    }
    if (printfExponent && x < 10) {
      out.append('0');
    }
    return out.append(x).toString();
  }
}
