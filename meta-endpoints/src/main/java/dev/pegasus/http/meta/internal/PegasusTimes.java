package dev.pegasus.http.meta.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The two local-time formats of the {@code /meta} bodies (reference §1.6), in the server's zone:
 * {@code create_time} of {@code /meta/apps} ({@code 2019-08-15 12:34:15.000}, or {@code -} when
 * unset) and {@code create_ts} of {@code /meta/app/duplication} ({@code 2020-03-09 18:13:50}).
 */
final class PegasusTimes {

  private final ZoneId zone;

  PegasusTimes(ZoneId zone) {
    this.zone = zone;
  }

  /** {@code yyyy-MM-dd HH:mm:ss.000} of epoch seconds, or {@code -} when {@code seconds <= 0}. */
  String createTime(long seconds) {
    if (seconds <= 0) {
      return "-";
    }
    return append(new StringBuilder(23), Instant.ofEpochSecond(seconds)).append(".000").toString();
  }

  /** {@code yyyy-MM-dd HH:mm:ss} of epoch milliseconds. */
  String dateTime(long epochMillis) {
    return append(new StringBuilder(19), Instant.ofEpochMilli(epochMillis)).toString();
  }

  private StringBuilder append(StringBuilder out, Instant instant) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, zone);
    pad(out, t.getYear(), 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append(' ');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    return pad(out, t.getSecond(), 2);
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
      if (value < limit) {
        out.append('0');
      }
    }
    return out.append(value);
  }
}
