package dev.pegasus.http.profiler.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the gperftools text heap format that both pprof clients read:
 *
 * <pre>
 * heap profile: &lt;inuse_n&gt;: &lt;inuse_b&gt; [&lt;alloc_n&gt;: &lt;alloc_b&gt;] @ heapprofile
 * &lt;in_n&gt;: &lt;in_b&gt; [&lt;al_n&gt;: &lt;al_b&gt;] @ 0x&lt;pc&gt; 0x&lt;pc&gt; …     (leaf first)
 * </pre>
 *
 * {@code @ heapprofile} tells the clients not to rescale (JFR's weights are already estimates of
 * the bytes allocated); {@code @ growth} marks a growth profile, whose two pairs are equal.
 * Addresses are lowercase hex; a pair never has count 0 with bytes other than 0, which the
 * clients reject.
 */
public final class LegacyHeapProfileWriter {

  private LegacyHeapProfileWriter() {}

  /**
   * A heap profile from samples valued {@code alloc_objects, alloc_space, inuse_objects,
   * inuse_space}.
   */
  public static String heap(ProfileData profile, SymbolTable symbols) {
    return write(profile, symbols, "heapprofile", 2, 3, 0, 1);
  }

  /** A growth profile from samples valued {@code objects, space}. */
  public static String growth(ProfileData profile, SymbolTable symbols) {
    return write(profile, symbols, "growth", 0, 1, 0, 1);
  }

  private static String write(
      ProfileData profile, SymbolTable symbols, String kind, int n1, int b1, int n2, int b2) {
    Map<List<Long>, long[]> lines = new LinkedHashMap<>();
    for (Sample s : profile.samples()) {
      if (s.stack().isEmpty()) {
        continue;
      }
      List<Long> pcs = new ArrayList<>(s.stack().size());
      for (Frame f : s.stack()) {
        pcs.add(symbols.address(f.function()));
      }
      long[] sum = lines.computeIfAbsent(pcs, k -> new long[4]);
      sum[0] += s.value(n1);
      sum[1] += s.value(b1);
      sum[2] += s.value(n2);
      sum[3] += s.value(b2);
    }
    long[] total = new long[4];
    StringBuilder body = new StringBuilder(lines.size() * 64);
    lines.forEach(
        (pcs, values) -> {
          long[] v = legal(values);
          if (v[0] == 0 && v[2] == 0) {
            return;
          }
          for (int i = 0; i < 4; i++) {
            total[i] += v[i];
          }
          appendPairs(body, v);
          body.append(" @");
          for (long pc : pcs) {
            body.append(' ').append(SymbolRequest.hex(pc));
          }
          body.append('\n');
        });
    StringBuilder out = new StringBuilder(body.length() + 80).append("heap profile: ");
    appendPairs(out, total);
    return out.append(" @ ").append(kind).append('\n').append(body).toString();
  }

  /** Bytes without objects cannot be parsed: such a pair is counted as one object. */
  private static long[] legal(long[] v) {
    long[] out = v.clone();
    for (int i = 0; i < 4; i += 2) {
      if (out[i] <= 0) {
        out[i] = out[i + 1] > 0 ? 1 : 0;
        out[i + 1] = Math.max(0, out[i + 1]);
      }
    }
    return out;
  }

  /** {@code %6d: %8d [%6d: %8d]}, without the cost of String.format on every line. */
  private static void appendPairs(StringBuilder out, long[] v) {
    pad(out, v[0], 6).append(": ");
    pad(out, v[1], 8).append(" [");
    pad(out, v[2], 6).append(": ");
    pad(out, v[3], 8).append(']');
  }

  private static StringBuilder pad(StringBuilder out, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append(' ');
    }
    return out.append(digits);
  }
}
