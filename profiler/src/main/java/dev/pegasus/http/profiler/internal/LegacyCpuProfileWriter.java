package dev.pegasus.http.profiler.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a CPU profile in the gperftools binary format that both {@code go tool pprof} and the
 * perl {@code google-pprof} read: 64-bit little-endian slots, the header {@code 0, 3, 0,
 * period_us, 0}, one record {@code count, depth, pc_leaf … pc_root} per distinct stack, and the
 * trailer {@code 0, 1, 0}. No memory map follows, so the clients resolve the synthetic program
 * counters through {@code /pprof/symbol}.
 */
public final class LegacyCpuProfileWriter {

  private LegacyCpuProfileWriter() {}

  /**
   * The profile's bytes: the count of each stack is the sample's value at {@code countIndex}, the
   * period is {@code periodNanos} rounded to microseconds (at least 1).
   */
  public static byte[] write(ProfileData profile, int countIndex, SymbolTable symbols) {
    Map<List<Long>, Long> records = new LinkedHashMap<>();
    for (Sample s : profile.samples()) {
      long count = s.value(countIndex);
      if (count <= 0 || s.stack().isEmpty()) {
        continue;
      }
      List<Long> pcs = new ArrayList<>(s.stack().size());
      for (Frame f : s.stack()) {
        pcs.add(symbols.address(f.function()));
      }
      records.merge(pcs, count, Long::sum);
    }
    int slots = 5 + 3;
    for (List<Long> pcs : records.keySet()) {
      slots += 2 + pcs.size();
    }
    ByteBuffer out = ByteBuffer.allocate(slots * 8).order(ByteOrder.LITTLE_ENDIAN);
    long periodMicros = Math.max(1, profile.period() / 1000);
    out.putLong(0).putLong(3).putLong(0).putLong(periodMicros).putLong(0);
    records.forEach(
        (pcs, count) -> {
          out.putLong(count).putLong(pcs.size());
          pcs.forEach(out::putLong);
        });
    out.putLong(0).putLong(1).putLong(0);
    return out.array();
  }
}
