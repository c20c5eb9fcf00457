package dev.pegasus.http.replica;

import static com.google.common.truth.Truth.assertThat;

import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Atomic swaps and listeners of the in-memory state. */
final class InMemoryReplicaStateTest {

  @Test
  void startsEmptyWithDuplicationEnabled() {
    ReplicaSnapshot s = new InMemoryReplicaState().snapshot();
    assertThat(s.replicas()).isEmpty();
    assertThat(s.duplicationEnabled()).isTrue();
  }

  @Test
  void listenersSeeTheCurrentSnapshotThenEverySwapInOrder() {
    InMemoryReplicaState state = new InMemoryReplicaState();
    List<Integer> sizes = new ArrayList<>();
    state.subscribe(s -> sizes.add(s.replicas().size()));
    state.update(s -> s.toBuilder().put(HostedReplica.primary(new Gpid(1, 0), "a", 0)).build());
    state.update(s -> s.toBuilder().put(HostedReplica.primary(new Gpid(1, 1), "a", 0)).build());
    state.replace(ReplicaSnapshot.empty());
    assertThat(sizes).containsExactly(0, 1, 2, 0).inOrder();
  }

  @Test
  void aReaderKeepsTheSnapshotItTook() {
    InMemoryReplicaState state = new InMemoryReplicaState();
    ReplicaSnapshot before = state.snapshot();
    state.update(s -> s.toBuilder().put(HostedReplica.primary(new Gpid(1, 0), "a", 0)).build());
    assertThat(before.replicas()).isEmpty();
    assertThat(state.snapshot().replicas()).hasSize(1);
  }
}
