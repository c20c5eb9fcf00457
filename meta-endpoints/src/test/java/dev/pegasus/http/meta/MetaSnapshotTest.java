package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.meta.MetaFixtures.R1;
import static dev.pegasus.http.meta.MetaFixtures.R2;
import static dev.pegasus.http.meta.MetaFixtures.R3;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model's invariants and its derivations. */
final class MetaSnapshotTest {

  @Test
  void tablesNodesAndPoliciesAreSorted() {
    MetaSnapshot s =
        MetaSnapshot.builder()
            .table(MetaFixtures.alternating(5, "e", 2))
            .table(MetaFixtures.alternating(1, "a", 2))
            .node(NodeState.alive(HostPort.parse("10.0.0.10:1")))
            .node(NodeState.alive(HostPort.parse("10.0.0.9:1")))
            .backupPolicy(MetaFixtures.testPolicy("b"))
            .backupPolicy(MetaFixtures.testPolicy("B"))
            .build();
    assertThat(s.tables().stream().map(Table::name).toList()).containsExactly("a", "e").inOrder();
    assertThat(s.nodes().stream().map(n -> n.address().toString()).toList())
        .containsExactly("10.0.0.9:1", "10.0.0.10:1")
        .inOrder();
    assertThat(s.backupPolicies().stream().map(BackupPolicy::name).toList())
        .containsExactly("B", "b")
        .inOrder();
  }

  @Test
  void builderReplacesByIdAddressAndName() {
    MetaSnapshot s =
        MetaSnapshot.builder()
            .table(MetaFixtures.alternating(1, "a", 2))
            .table(MetaFixtures.alternating(1, "renamed", 4))
            .node(NodeState.alive(R1))
            .node(NodeState.unalive(R1))
            .build();
    assertThat(s.tables()).hasSize(1);
    assertThat(s.table("renamed")).isPresent();
    assertThat(s.table("a")).isEmpty();
    assertThat(s.nodes()).containsExactly(NodeState.unalive(R1));
  }

  @Test
  void onlyOneTableOfANameMayBeLive() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            MetaSnapshot.builder()
                .table(MetaFixtures.alternating(1, "a", 2))
                .table(MetaFixtures.alternating(2, "a", 2))
                .build());
  }

  @Test
  void aDroppedTableMayShareItsNameAndIsNotFound() {
    Table old = MetaFixtures.alternating(1, "a", 2);
    MetaSnapshot s =
        MetaSnapshot.builder()
            .table(old.withApp(old.app().withStatus(AppStatus.DROPPED)))
            .table(MetaFixtures.alternating(2, "a", 2))
            .build();
    assertThat(s.table("a").orElseThrow().app().appId()).isEqualTo(2);
    MetaSnapshot onlyDropped = s.toBuilder().removeTable(2).build();
    assertThat(onlyDropped.table("a")).isEmpty();
  }

  @Test
  void availableTablesNeedEveryPartitionInIndexOrder() {
    AppInfo app = AppInfo.builder(1, "a").partitionCount(2).build();
    PartitionConfig p0 = PartitionConfig.of(0, 1, R1, List.of(), 3);
    PartitionConfig p1 = PartitionConfig.of(1, 1, R1, List.of(), 3);
    assertThrows(IllegalArgumentException.class, () -> Table.of(app, List.of(p0)));
    assertThrows(IllegalArgumentException.class, () -> Table.of(app, List.of(p1, p0)));
    assertThat(Table.of(app.withStatus(AppStatus.CREATING), List.of()).partitions()).isEmpty();
    assertThrows(IllegalArgumentException.class, () -> Table.of(app, List.of()));
  }

  @Test
  void aNodeIsNotPrimaryAndSecondaryOfOnePartition() {
    assertThrows(
        IllegalArgumentException.class, () -> PartitionConfig.of(0, 1, R1, List.of(R1), 3));
  }

  @Test
  void duplicationsAreSortedByIdAndUnique() {
    Table t = MetaFixtures.alternating(1, "a", 2);
    Duplication d2 = new Duplication(2, "r", DuplicationStatus.START, DuplicationFailMode.SLOW, 0);
    Duplication d1 = new Duplication(1, "r", DuplicationStatus.PAUSE, DuplicationFailMode.FAST, 0);
    assertThat(t.withDuplications(List.of(d2, d1)).duplications())
        .containsExactly(d1, d2)
        .inOrder();
    assertThrows(IllegalArgumentException.class, () -> t.withDuplications(List.of(d1, d1)));
  }

  @Test
  void envsAreSortedByBytes() {
    AppInfo app = AppInfo.builder(1, "a").envs(Map.of("b", "1", "B", "2", "a", "3")).build();
    assertThat(app.envs().keySet()).containsExactly("B", "a", "b").inOrder();
  }

  @Test
  void nodeDownLeavesEveryPartitionAndMovesItsBallot() {
    MetaSnapshot s =
        MetaSnapshot.builder()
            .node(NodeState.alive(R1))
            .node(NodeState.alive(R2))
            .node(NodeState.alive(R3))
            .table(MetaFixtures.healthy(1, "a", 3))
            .table(MetaFixtures.alternating(2, "b", 2))
            .build();
    MetaSnapshot down = s.withNodeDown(R3);
    assertThat(down.nodes()).contains(NodeState.unalive(R3));
    assertThat(down.tables().get(1)).isSameInstanceAs(s.tables().get(1));
    List<PartitionConfig> a = down.table("a").orElseThrow().partitions();
    assertThat(a.get(0)).isEqualTo(PartitionConfig.of(0, 4, R1, List.of(R2), 3));
    assertThat(a.get(1)).isEqualTo(PartitionConfig.of(1, 4, R2, List.of(R1), 3));
    assertThat(a.get(2)).isEqualTo(PartitionConfig.of(2, 4, null, List.of(R1, R2), 3));
    assertThat(down.withNodeUp(R3).nodes()).contains(NodeState.alive(R3));
    assertThat(s.nodes()).contains(NodeState.alive(R3));
  }
}
