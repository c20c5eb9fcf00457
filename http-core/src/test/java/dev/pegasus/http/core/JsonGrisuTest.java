package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Grisu2 digits behind {@link PrettyJsonWriter} and {@link SortedPrettyJson} doubles. */
final class JsonGrisuTest {

  /** Entries of the cached-power table every Grisu implementation shares (double-conversion's). */
  @Test
  void cachedPowersAreTheCanonicalTable() {
    assertThat(PrettyDoubles.cachedPower(0)).isEqualTo(new long[] {0xfa8fd5a0081c0288L, -1220});
    assertThat(PrettyDoubles.cachedPower(43)).isEqualTo(new long[] {0xd1b71758e219652cL, -77});
    assertThat(PrettyDoubles.cachedPower(44)).isEqualTo(new long[] {0x9c40000000000000L, -50});
    assertThat(PrettyDoubles.cachedPower(86)).isEqualTo(new long[] {0xaf87023b9bf0ee6bL, 1066});
  }

  @Test
  void digitsAlwaysReadBackAsTheSameDouble() {
    Random random = new Random(11);
    for (int i = 0; i < 200_000; i++) {
      double d =
          i % 2 == 0
              ? Math.abs(Double.longBitsToDouble(random.nextLong()))
              : random.nextDouble() * Math.pow(10, random.nextInt(60) - 30);
      if (!Double.isFinite(d) || d == 0) {
        continue;
      }
      String text = PrettyDoubles.rapidjson(d);
      assertWithMessage("%s", d).that(Double.parseDouble(text)).isEqualTo(d);
      assertWithMessage("%s", d).that(Double.parseDouble(PrettyDoubles.nlohmann(d))).isEqualTo(d);
      assertWithMessage("%s", text)
          .that(text.replaceAll("e.*|[-.]", "").replaceAll("^0+|0+$", "").length())
          .isAtMost(17);
    }
  }

  @Test
  void grisu2IsNotAlwaysTheClosestShortest() {
    // The reference's example: rapidjson prints 0.1 + 0.2 as ...07, Java as ...04.
    assertThat(PrettyDoubles.rapidjson(0.1 + 0.2)).isEqualTo("0.30000000000000007");
    assertThat(Double.toString(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    // nlohmann weeds every digit (inferred from its source; not run against nlohmann here).
    assertThat(PrettyDoubles.nlohmann(0.1 + 0.2)).isEqualTo("0.30000000000000004");
  }
}
