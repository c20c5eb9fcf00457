package dev.pegasus.http.profiler.internal;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

final class ClassHistogramTest {

  private static final String TEXT =
      String.join(
          "\n",
          " num     #instances         #bytes  class name (module)",
          "-------------------------------------------------------",
          "   1:        831191      839487360  [B (java.base@17.0.15)",
          "   2:          5414        3555096  [Ljava.lang.Object; (java.base@17.0.15)",
          "   3:         24686         592464  java.lang.String (java.base@17.0.15)",
          " 383:             8            128  app.A$$Lambda$21/0x80000002d",
          " 384:             2             32  app.A$$Lambda$22/0x80000003d",
          "Total        861301      843635080",
          "");

  @Test
  void rowsBecomeEntriesWithStableNamesLargestFirst() {
    assertThat(ClassHistogram.parse(TEXT, 10))
        .containsExactly(
            new ClassHistogram.Entry("byte[]", 831191, 839487360),
            new ClassHistogram.Entry("java.lang.Object[]", 5414, 3555096),
            new ClassHistogram.Entry("java.lang.String", 24686, 592464),
            new ClassHistogram.Entry("app.A$$Lambda", 10, 160))
        .inOrder();
  }

  @Test
  void classesBeyondTheLimitAreAddedUp() {
    assertThat(ClassHistogram.parse(TEXT, 2))
        .containsExactly(
            new ClassHistogram.Entry("byte[]", 831191, 839487360),
            new ClassHistogram.Entry("java.lang.Object[]", 5414, 3555096),
            new ClassHistogram.Entry(ClassHistogram.OTHER_CLASSES, 24696, 592624))
        .inOrder();
  }

  @Test
  void theLiveHistogramOfThisJvmHasByteArrays() {
    assertThat(ClassHistogram.take(false, 50).stream().map(ClassHistogram.Entry::className))
        .contains("byte[]");
  }
}
