package dev.pegasus.http.collector;

import java.util.Optional;

/**
 * Splits replica counter names the way Pegasus 2.0's collector does ({@code
 * parse_app_pegasus_perf_counter_name} and {@code parse_app_perf_counter_name} in {@code
 * src/shell/command_helper.h}), including its quirks: the section is ignored, text after {@code
 * <app_id>.<pidx>} is ignored, and a table name is cut at its last dot.
 */
final class CounterNames {

  /** A per-partition counter such as {@code replica*app.pegasus*get_qps@2.5}. */
  record PartitionCounterName(int appId, int partitionIndex, String counter) {}

  /** A per-table counter such as {@code replica*eon.replica*backup_request_qps@temp}. */
  record TableCounterName(String table, String counter) {}

  private CounterNames() {}

  /**
   * {@code ...*<counter>@<app_id>.<pidx>}: the text after the last {@code @} must start like
   * {@code sscanf("%d.%d")} reads it (blanks before each number, an optional sign, trailing text
   * ignored, so {@code get_latency@2.0.p999} is app 2 partition 0); the counter is what lies
   * between the last {@code *} and the last {@code @}. A number beyond int32 does not parse (C
   * leaves that undefined).
   */
  static Optional<PartitionCounterName> parsePartition(String name) {
    int at = name.lastIndexOf('@');
    if (at < 0) {
      return Optional.empty();
    }
    ScanfCursor cursor = new ScanfCursor(name, at + 1);
    Integer appId = cursor.nextInt();
    if (appId == null || !cursor.literal('.')) {
      return Optional.empty();
    }
    Integer pidx = cursor.nextInt();
    if (pidx == null) {
      return Optional.empty();
    }
    int star = name.lastIndexOf('*');
    if (star < 0) {
      return Optional.empty();
    }
    return Optional.of(new PartitionCounterName(appId, pidx, between(name, star, at)));
  }

  /**
   * {@code ...*<counter>@<table>}: the table is the text after the last {@code @}, up to the last
   * dot when that dot comes after the {@code @} (so {@code my.table} reads as {@code my}).
   */
  static Optional<TableCounterName> parseTable(String name) {
    int at = name.lastIndexOf('@');
    if (at < 0) {
      return Optional.empty();
    }
    int dot = name.lastIndexOf('.');
    // C++ substr with an underflowed length takes the rest, which is what a dot before '@' gives.
    String table = dot > at ? name.substring(at + 1, dot) : name.substring(at + 1);
    int star = name.lastIndexOf('*');
    return Optional.of(new TableCounterName(table, between(name, star, at)));
  }

  /** {@code substr(star + 1, at - star - 1)} with C++'s unsigned arithmetic when star > at. */
  private static String between(String name, int star, int at) {
    return star < at ? name.substring(star + 1, at) : name.substring(star + 1);
  }

  /** Reads {@code %d} and literal characters the way glibc's sscanf does. */
  private static final class ScanfCursor {
    private final String s;
    private int i;

    ScanfCursor(String s, int from) {
      this.s = s;
      this.i = from;
    }

    /** A literal matches exactly, without skipping blanks before it. */
    boolean literal(char c) {
      if (i < s.length() && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    Integer nextInt() {
      while (i < s.length() && isCSpace(s.charAt(i))) {
        i++;
      }
      int start = i;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int digits = i;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i == digits || i - digits > 10) {
        return null;
      }
      long value = Long.parseLong(s.substring(start, i));
      return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (int) value : null;
    }

    private static boolean isCSpace(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
  }
}
