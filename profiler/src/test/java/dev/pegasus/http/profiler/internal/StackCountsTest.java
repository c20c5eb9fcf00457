package dev.pegasus.http.profiler.internal;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class StackCountsTest {

  @Test
  void valuesAddUpPerStack() {
    StackCounts counts = new StackCounts(2);
    counts.add(List.of(ProfileFixtures.ALPHA), 1, 10);
    counts.add(List.of(ProfileFixtures.ALPHA), 2, 20);
    assertThat(counts.samples())
        .containsExactly(ProfileFixtures.sample(List.of(ProfileFixtures.ALPHA), 3, 30));
  }

  @Test
  void stacksBeyondTheBoundAreCountedAsOtherStacks() {
    StackCounts counts = new StackCounts(1, 1);
    counts.add(List.of(ProfileFixtures.ALPHA), 1);
    counts.add(List.of(ProfileFixtures.BETA), 2);
    counts.add(List.of(ProfileFixtures.RUN), 3);
    counts.add(List.of(ProfileFixtures.ALPHA), 4);
    assertThat(counts.samples())
        .containsExactly(
            ProfileFixtures.sample(List.of(ProfileFixtures.ALPHA), 5),
            ProfileFixtures.sample(List.of(StackCounts.OTHER_STACKS), 5));
  }
}
