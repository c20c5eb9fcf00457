package dev.pegasus.http.replica;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.replica.spi.DuplicationProgress;
import dev.pegasus.http.replica.spi.FailMode;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ManualCompactionStatus;
import dev.pegasus.http.replica.spi.ReplicaRole;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replica model: ordering, replacement, validation, and the progress arithmetic. */
final class ReplicaSnapshotTest {

  @Test
  void replicasAreOrderedByGpid() {
    ReplicaSnapshot s =
        ReplicaSnapshot.builder()
            .put(HostedReplica.secondary(new Gpid(2, 0), "b", 0))
            .put(HostedReplica.primary(new Gpid(1, 10), "a", 0))
            .put(HostedReplica.primary(new Gpid(1, 2), "a", 0))
            .build();
    assertThat(s.replicas().stream().map(r -> r.gpid().toString()).toList())
        .containsExactly("1.2", "1.10", "2.0")
        .inOrder();
  }

  @Test
  void putReplacesTheSameGpidAndRemoveDropsIt() {
    ReplicaSnapshot s =
        ReplicaSnapshot.builder()
            .put(HostedReplica.secondary(new Gpid(1, 0), "a", 0))
            .put(HostedReplica.primary(new Gpid(1, 0), "a", 5))
            .put(HostedReplica.primary(new Gpid(1, 1), "a", 5))
            .remove(new Gpid(1, 1))
            .build();
    assertThat(s.replicas()).containsExactly(HostedReplica.primary(new Gpid(1, 0), "a", 5));
  }

  @Test
  void aGpidListedTwiceIsRejected() {
    List<HostedReplica> twice = new ArrayList<>();
    twice.add(HostedReplica.primary(new Gpid(1, 0), "a", 0));
    twice.add(HostedReplica.secondary(new Gpid(1, 0), "a", 0));
    assertThrows(IllegalArgumentException.class, () -> new ReplicaSnapshot(true, ImmutableList.copyOf(twice)));
  }

  @Test
  void primariesOfSelectsThePrimariesOfOneApp() {
    ReplicaSnapshot s =
        ReplicaSnapshot.builder()
            .put(HostedReplica.primary(new Gpid(1, 0), "a", 0))
            .put(HostedReplica.secondary(new Gpid(1, 1), "a", 0))
            .put(HostedReplica.primary(new Gpid(2, 0), "b", 0))
            .build();
    assertThat(s.primariesOf(1)).containsExactly(HostedReplica.primary(new Gpid(1, 0), "a", 0));
    assertThat(s.primariesOf(3)).isEmpty();
    assertThat(s.find(new Gpid(1, 1)).orElseThrow().role()).isEqualTo(ReplicaRole.SECONDARY);
  }

  @Test
  void toBuilderKeepsEverything() {
    ReplicaSnapshot s =
        ReplicaSnapshot.builder()
            .duplicationEnabled(false)
            .put(HostedReplica.primary(new Gpid(1, 0), "a", 0))
            .build();
    assertThat(s.toBuilder().build()).isEqualTo(s);
  }

  @Test
  void progressFollowsThePegasusFormulas() {
    DuplicationProgress d = new DuplicationProgress(1, FailMode.FAIL_SLOW, true, 1000, 1050);
    HostedReplica r = HostedReplica.primary(new Gpid(1, 1), "temp", 1100, d);
    assertThat(r.notConfirmedMutations(d)).isEqualTo(100);
    assertThat(r.notDuplicatedMutations(d)).isEqualTo(50);
    assertThat(d.duplicating()).isFalse();
    // Nothing confirmed or shipped yet: Pegasus's invalid decree is -1.
    DuplicationProgress fresh = new DuplicationProgress(2, FailMode.FAIL_SLOW, false, -1, -1);
    assertThat(r.notConfirmedMutations(fresh)).isEqualTo(1101);
  }

  @Test
  void invalidValuesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Gpid(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Gpid(1, -1));
    assertThrows(IllegalArgumentException.class, () -> HostedReplica.primary(new Gpid(1, 0), "", 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DuplicationProgress(1, FailMode.FAIL_SLOW, false, -2, 0));
    DuplicationProgress d = new DuplicationProgress(1, FailMode.FAIL_SLOW, false, 0, 0);
    assertThrows(
        IllegalArgumentException.class, () -> HostedReplica.primary(new Gpid(1, 0), "a", 0, d, d));
  }

  @Test
  void replicasOfListsEveryRoleOfOneApp() {
    ReplicaSnapshot s =
        ReplicaSnapshot.builder()
            .put(HostedReplica.secondary(new Gpid(2, 1), "b", 0))
            .put(HostedReplica.primary(new Gpid(2, 0), "b", 0))
            .put(HostedReplica.primary(new Gpid(1, 0), "a", 0))
            .build();
    assertThat(s.replicasOf(2).stream().map(r -> r.gpid().toString()).toList())
        .containsExactly("2.0", "2.1")
        .inOrder();
    assertThat(s.replicasOf(3)).isEmpty();
  }

  @Test
  void aReplicaStartsAtDataVersionOneAndIdleAndWithersKeepEveryField() {
    DuplicationProgress d = new DuplicationProgress(1, FailMode.FAIL_SLOW, false, 0, 0);
    HostedReplica r = HostedReplica.primary(new Gpid(1, 0), "a", 5, d);
    assertThat(r.dataVersion()).isEqualTo(HostedReplica.DEFAULT_DATA_VERSION);
    assertThat(r.dataVersion()).isEqualTo(1);
    assertThat(r.manualCompaction()).isEqualTo(ManualCompactionStatus.IDLE);
    HostedReplica changed =
        r.withDataVersion(2).withManualCompaction(ManualCompactionStatus.RUNNING).withLastCommittedDecree(9);
    assertThat(changed.withDuplications(List.of(d)))
        .isEqualTo(
            new HostedReplica(
                new Gpid(1, 0), "a", ReplicaRole.PRIMARY, 9, ImmutableList.of(d), 2, ManualCompactionStatus.RUNNING));
    assertThrows(IllegalArgumentException.class, () -> r.withDataVersion(-1));
  }

  @Test
  void aDuplicationWithoutRemoteAppNameShipsToTheSameName() {
    DuplicationProgress d = new DuplicationProgress(1, FailMode.FAIL_SLOW, false, 0, 0);
    HostedReplica r = HostedReplica.primary(new Gpid(1, 0), "temp", 5, d);
    assertThat(d.remoteAppName()).isEmpty();
    assertThat(r.remoteAppName(d)).isEqualTo("temp");
    assertThat(r.remoteAppName(d.withRemoteAppName("temp2"))).isEqualTo("temp2");
  }
}
