package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.meta.ClusterFacts;
import dev.pegasus.http.meta.HostPort;
import dev.pegasus.http.meta.MetaSnapshot;
import dev.pegasus.http.meta.NodeState;
import dev.pegasus.http.meta.PartitionConfig;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ManualCompactionStatus;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the simulated cluster places replicas and reacts to a replica server's failure and return. */
final class ClusterModelTest {

  private static final HostPort R1 = HostPort.parse("127.0.0.1:34801");
  private static final HostPort R2 = HostPort.parse("127.0.0.1:34802");
  private static final HostPort R3 = HostPort.parse("127.0.0.1:34803");

  private final ClusterModel model =
      new ClusterModel(
          List.of(R1, R2, R3), ImmutableMap.of("stat", 4, "temp", 8), 3, ClusterFacts.builder().build(), 1_565_843_655L);

  private List<PartitionConfig> partitions(String table) {
    return model.metaSnapshot().table(table).orElseThrow().partitions();
  }

  @Test
  void replicasAreSpreadRoundRobinAndHealthy() {
    List<PartitionConfig> stat = partitions("stat");
    assertThat(stat.get(0).primary()).isEqualTo(R1);
    assertThat(stat.get(0).secondaries()).containsExactly(R2, R3).inOrder();
    assertThat(stat.get(1).primary()).isEqualTo(R2);
    assertThat(partitions("temp").get(0).primary()).isEqualTo(R2); // continues after stat's 4
    for (PartitionConfig p : stat) {
      assertThat(p.replicaCount()).isEqualTo(3);
    }
    assertThat(model.unhealthyPartitions()).containsExactly("stat", 0, "temp", 0);
  }

  @Test
  void tablesGetIdsInOrderAndTempDuplicates() {
    MetaSnapshot s = model.metaSnapshot();
    assertThat(s.table("stat").orElseThrow().app().appId()).isEqualTo(1);
    assertThat(s.table("temp").orElseThrow().app().appId()).isEqualTo(2);
    assertThat(s.table("temp").orElseThrow().duplications()).hasSize(1);
    assertThat(s.table("stat").orElseThrow().duplications()).isEmpty();
    assertThat(s.backupPolicies()).hasSize(1);
  }

  @Test
  void aFailedPrimaryHandsOverToItsFirstSecondary() {
    assertThat(model.nodeDown(R1)).isTrue();
    PartitionConfig p0 = partitions("stat").get(0);
    assertThat(p0.primary()).isEqualTo(R2);
    assertThat(p0.secondaries()).containsExactly(R3);
    assertThat(p0.ballot()).isEqualTo(3);
    assertThat(model.metaSnapshot().nodes()).contains(NodeState.unalive(R1));
    assertThat(model.unhealthyPartitions()).containsExactly("stat", 4, "temp", 8);
    assertThat(model.replicaSnapshot(R1).replicas()).isEmpty();
    assertThat(model.nodeDown(R1)).isFalse();
  }

  @Test
  void aReturningServerComesBackAsSecondary() {
    model.nodeDown(R1);
    assertThat(model.nodeUp(R1)).isTrue();
    PartitionConfig p0 = partitions("stat").get(0);
    assertThat(p0.primary()).isEqualTo(R2);
    assertThat(p0.secondaries()).containsExactly(R3, R1).inOrder();
    assertThat(model.unhealthyPartitions()).containsExactly("stat", 0, "temp", 0);
    assertThat(model.metaSnapshot().nodes()).contains(NodeState.alive(R1));
  }

  @Test
  void losingEveryReplicaLeavesNoPrimaryAndTheFirstToReturnLeads() {
    model.nodeDown(R1);
    model.nodeDown(R2);
    model.nodeDown(R3);
    assertThat(partitions("stat").get(0).primary()).isNull();
    model.nodeUp(R3);
    assertThat(partitions("stat").get(0).primary()).isEqualTo(R3);
  }

  @Test
  void replicaViewsFollowTheLogAndTheDuplication() {
    model.commit(2, 0, 100);
    ReplicaSnapshot r2 = model.replicaSnapshot(R2);
    HostedReplica temp0 = r2.find(new dev.pegasus.http.replica.spi.Gpid(2, 0)).orElseThrow();
    assertThat(temp0.isPrimary()).isTrue();
    assertThat(temp0.lastCommittedDecree()).isEqualTo(100);
    assertThat(temp0.duplications()).hasSize(1);
    assertThat(temp0.notDuplicatedMutations(temp0.duplications().get(0))).isEqualTo(10);
    assertThat(temp0.notConfirmedMutations(temp0.duplications().get(0))).isEqualTo(40);
    HostedReplica asSecondary = model.replicaSnapshot(R3).find(new dev.pegasus.http.replica.spi.Gpid(2, 0)).orElseThrow();
    assertThat(asSecondary.isPrimary()).isFalse();
  }

  @Test
  void everyReplicaReportsDataVersionOneAndTheDuplicationShipsToTheSameName() {
    for (HostedReplica r : model.replicaSnapshot(R1).replicas()) {
      assertThat(r.dataVersion()).isEqualTo(1);
      r.duplications().forEach(d -> assertThat(r.remoteAppName(d)).isEqualTo("temp"));
    }
  }

  @Test
  void setEnvsReachesTheMetaAndTheReplicasCompactionsFollowIt() {
    Instant trigger = Instant.parse("2026-12-01T10:00:00Z");
    assertThat(
            model.envs(
                "temp", ImmutableMap.of("manual_compact.once.trigger_time", Long.toString(trigger.getEpochSecond()))))
        .isTrue();
    assertThat(model.envs("nope", ImmutableMap.of())).isFalse();
    assertThat(model.metaSnapshot().table("temp").orElseThrow().app().envs())
        .containsExactly("manual_compact.once.trigger_time", Long.toString(trigger.getEpochSecond()));
    for (int i = 1; i <= 4; i++) {
      model.advanceCompactions(trigger.plusSeconds(i));
    }
    Gpid temp0 = new Gpid(2, 0);
    Gpid stat0 = new Gpid(1, 0);
    for (HostPort node : List.of(R1, R2, R3)) {
      assertThat(model.replicaSnapshot(node).find(temp0).orElseThrow().manualCompaction())
          .isEqualTo(ManualCompactionStatus.FINISHED);
      assertThat(model.replicaSnapshot(node).find(stat0).orElseThrow().manualCompaction())
          .isEqualTo(ManualCompactionStatus.IDLE);
    }
  }
}

