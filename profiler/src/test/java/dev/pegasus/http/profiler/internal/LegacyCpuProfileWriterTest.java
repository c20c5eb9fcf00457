package dev.pegasus.http.profiler.internal;

import static com.google.common.truth.Truth.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import org.junit.jupiter.api.Test;

final class LegacyCpuProfileWriterTest {

  private final SymbolTable symbols = new SymbolTable(100);

  private long[] slots(byte[] bytes) {
    LongBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    long[] out = new long[b.remaining()];
    b.get(out);
    return out;
  }

  @Test
  void headerIsFiveSlotsWithThePeriodInMicroseconds() {
    long[] s = slots(LegacyCpuProfileWriter.write(ProfileFixtures.cpu(), 0, symbols));
    assertThat(new long[] {s[0], s[1], s[2], s[3], s[4]}).isEqualTo(new long[] {0, 3, 0, 10_000, 0});
  }

  @Test
  void oneRecordPerDistinctStackLeafFirstThenTheTrailer() {
    long alpha = symbols.address(ProfileFixtures.ALPHA.function());
    long beta = symbols.address(ProfileFixtures.BETA.function());
    long run = symbols.address(ProfileFixtures.RUN.function());
    long[] s = slots(LegacyCpuProfileWriter.write(ProfileFixtures.cpu(), 0, symbols));
    assertThat(s)
        .isEqualTo(
            new long[] {
              0, 3, 0, 10_000, 0,
              4, 2, alpha, run,
              2, 2, beta, run,
              0, 1, 0
            });
  }

  @Test
  void anEmptyProfileIsHeaderAndTrailer() {
    ProfileFixtures.cpu();
    var empty =
        new ProfileData(
            ProfileFixtures.cpu().sampleTypes(),
            com.google.common.collect.ImmutableList.of(),
            ProfileFixtures.cpu().periodType(),
            10_000_000,
            0,
            0);
    assertThat(slots(LegacyCpuProfileWriter.write(empty, 0, symbols)))
        .isEqualTo(new long[] {0, 3, 0, 10_000, 0, 0, 1, 0});
  }

  @Test
  void programCountersAreNeverZero() {
    long[] s = slots(LegacyCpuProfileWriter.write(ProfileFixtures.cpu(), 0, symbols));
    for (int i = 7; i < 9; i++) {
      assertThat(s[i]).isGreaterThan(0L);
    }
  }
}
