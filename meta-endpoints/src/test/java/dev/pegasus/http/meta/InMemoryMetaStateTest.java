package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Snapshots swap atomically: readers never see half an update, racing updates are not lost. */
final class InMemoryMetaStateTest {

  private static BalanceOperations.Counted ops(MetaSnapshot s) {
    return (BalanceOperations.Counted) s.cluster().balanceOperations();
  }

  /** Each update moves two counters together; a reader must always see them equal. */
  private static MetaSnapshot step(MetaSnapshot s) {
    long n = ops(s).movePrimary() + 1;
    return s.toBuilder()
        .cluster(
            s.cluster().toBuilder().balanceOperations(BalanceOperations.counted(n, n, 0)).build())
        .build();
  }

  @Test
  void racingUpdatesAreAllAppliedAndReadersSeeWholeSnapshots() throws Exception {
    InMemoryMetaState state = new InMemoryMetaState();
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger torn = new AtomicInteger();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                BalanceOperations.Counted c = ops(state.snapshot());
                if (c.movePrimary() != c.copyPrimary()) {
                  torn.incrementAndGet();
                }
              }
            });
    reader.start();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      Thread t =
          new Thread(
              () -> {
                for (int i = 0; i < 500; i++) {
                  state.update(InMemoryMetaStateTest::step);
                }
              });
      writers.add(t);
      t.start();
    }
    for (Thread t : writers) {
      t.join();
    }
    done.set(true);
    reader.join();
    assertThat(ops(state.snapshot()).movePrimary()).isEqualTo(1500);
    assertThat(torn.get()).isEqualTo(0);
  }

  @Test
  void setReplacesAndUpdateReturnsTheNewSnapshot() {
    InMemoryMetaState state = new InMemoryMetaState();
    assertThat(state.snapshot()).isSameInstanceAs(MetaSnapshot.empty());
    MetaSnapshot seed = MetaFixtures.seedCluster();
    state.set(seed);
    assertThat(state.snapshot()).isSameInstanceAs(seed);
    MetaSnapshot next = state.update(s -> s.withNodeDown(MetaFixtures.R1));
    assertThat(state.snapshot()).isSameInstanceAs(next);
    assertThat(seed.nodes()).contains(NodeState.alive(MetaFixtures.R1));
  }
}
