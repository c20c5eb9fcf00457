package dev.pegasus.http.meta.internal;

import static com.google.common.truth.Truth.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reference §1.6: the two local-time formats. */
final class PegasusTimesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final PegasusTimes times = new PegasusTimes(SHANGHAI);

  @Test
  void createTimeIsLocalWithZeroMilliseconds() {
    long seconds = LocalDateTime.of(2019, 8, 15, 12, 34, 15).atZone(SHANGHAI).toEpochSecond();
    assertThat(times.createTime(seconds)).isEqualTo("2019-08-15 12:34:15.000");
  }

  @Test
  void createTimePadsEveryField() {
    long seconds = LocalDateTime.of(2021, 1, 2, 3, 4, 5).atZone(SHANGHAI).toEpochSecond();
    assertThat(times.createTime(seconds)).isEqualTo("2021-01-02 03:04:05.000");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void unsetCreateTimeIsADash(long seconds) {
    assertThat(times.createTime(seconds)).isEqualTo("-");
  }

  @Test
  void createTimeFollowsTheZone() {
    assertThat(new PegasusTimes(ZoneId.of("UTC")).createTime(1))
        .isEqualTo("1970-01-01 00:00:01.000");
    assertThat(times.createTime(1)).isEqualTo("1970-01-01 08:00:01.000");
  }

  @Test
  void dateTimeHasNoMilliseconds() {
    long millis =
        LocalDateTime.of(2020, 3, 9, 18, 13, 50).atZone(SHANGHAI).toInstant().toEpochMilli();
    assertThat(times.dateTime(millis + 999)).isEqualTo("2020-03-09 18:13:50");
  }
}
