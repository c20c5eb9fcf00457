package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.collector.MetaBodies.TableInfo;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reading the meta's table-style answers (pegasus-http-reference §2.6–2.8). */
final class MetaBodiesTest {

  @Test
  void aliveNodesAreTheAliveKeysOfDetails() throws IOException {
    String body =
        "{\"details\":{\"127.0.0.1:34801\":{\"address\":\"127.0.0.1:34801\",\"status\":\"ALIVE\"},"
            + "\"127.0.0.1:34802\":{\"address\":\"127.0.0.1:34802\",\"status\":\"UNALIVE\"},"
            + "\"127.0.0.1:34803\":{\"address\":\"127.0.0.1:34803\",\"status\":\"ALIVE\",\"replica_count\":\"3\","
            + "\"primary_count\":\"1\",\"secondary_count\":\"2\"}},"
            + "\"summary\":{\"total_node_count\":\"3\",\"alive_node_count\":\"2\",\"unalive_node_count\":\"1\"}}\n";
    assertThat(MetaBodies.aliveNodes(body)).containsExactly("127.0.0.1:34801", "127.0.0.1:34803").inOrder();
  }

  @Test
  void anEmptyClusterHasNoNodesAndNoTables() throws IOException {
    assertThat(MetaBodies.aliveNodes("{\"details\":{},\"summary\":{\"total_node_count\":\"0\"}}\n")).isEmpty();
    assertThat(MetaBodies.availableTables("{\"general_info\":{},\"summary\":{\"total_app_count\":\"0\"}}\n"))
        .isEmpty();
  }

  @Test
  void tablesComeFromGeneralInfo() throws IOException {
    String body =
        "{\"general_info\":{\"1\":{\"app_id\":\"1\",\"status\":\"AVAILABLE\",\"app_name\":\"stat\",\"app_type\":\"pegasus\","
            + "\"partition_count\":\"4\",\"replica_count\":\"3\",\"is_stateful\":\"true\",\"create_time\":\"2020-06-04 16:07:00.000\","
            + "\"drop_time\":\"-\",\"drop_expire\":\"-\",\"envs_count\":\"0\"},"
            + "\"2\":{\"app_id\":\"2\",\"status\":\"AVAILABLE\",\"app_name\":\"temp\",\"app_type\":\"pegasus\","
            + "\"partition_count\":\"8\",\"replica_count\":\"3\",\"is_stateful\":\"true\",\"create_time\":\"-\","
            + "\"drop_time\":\"-\",\"drop_expire\":\"-\",\"envs_count\":\"1\"}},"
            + "\"summary\":{\"total_app_count\":\"2\"}}\n";
    assertThat(MetaBodies.availableTables(body))
        .containsExactly(new TableInfo(1, "stat", 4), new TableInfo(2, "temp", 8))
        .inOrder();
  }

  @Test
  void primariesComeFromTheReplicasSection() throws IOException {
    String body =
        "{\"general\":{\"app_name\":\"temp\",\"app_id\":\"2\",\"partition_count\":\"3\",\"max_replica_count\":\"3\"},"
            + "\"replicas\":{\"0\":{\"pidx\":\"0\",\"ballot\":\"3\",\"replica_count\":\"3/3\",\"primary\":\"127.0.0.1:34801\","
            + "\"secondaries\":\"[127.0.0.1:34802,127.0.0.1:34803]\"},"
            + "\"1\":{\"pidx\":\"1\",\"ballot\":\"4\",\"replica_count\":\"2/3\",\"primary\":\"-\",\"secondaries\":\"[127.0.0.1:34801,127.0.0.1:34802]\"},"
            + "\"2\":{\"pidx\":\"2\",\"ballot\":\"3\",\"replica_count\":\"3/3\",\"primary\":\"127.0.0.1:34803\","
            + "\"secondaries\":\"[127.0.0.1:34801,127.0.0.1:34802]\"}},"
            + "\"nodes\":{\"total\":{\"node\":\"total\",\"primary\":\"2\",\"secondary\":\"6\",\"total\":\"8\"}},"
            + "\"healthy\":{\"fully_healthy_partition_count\":\"2\",\"unhealthy_partition_count\":\"1\","
            + "\"write_unhealthy_partition_count\":\"1\",\"read_unhealthy_partition_count\":\"1\"}}\n";
    assertThat(MetaBodies.tableLayout(body))
        .isEqualTo(TableLayout.of(2, "temp", Arrays.asList("127.0.0.1:34801", null, "127.0.0.1:34803")));
  }

  @Test
  void malformedBodiesAreErrors() {
    assertThrows(IOException.class, () -> MetaBodies.aliveNodes("not json"));
    assertThrows(IOException.class, () -> MetaBodies.aliveNodes("{\"summary\":{}}"));
    assertThrows(IOException.class, () -> MetaBodies.aliveNodes("{\"details\":{\"a:1\":{\"address\":\"a:1\"}}}"));
    assertThrows(
        IOException.class,
        () -> MetaBodies.availableTables(
            "{\"general_info\":{\"1\":{\"app_id\":1,\"status\":\"AVAILABLE\",\"app_name\":\"t\",\"partition_count\":\"1\"}}}"));
    assertThrows(
        IOException.class,
        () -> MetaBodies.availableTables(
            "{\"general_info\":{\"1\":{\"app_id\":\"x\",\"status\":\"AVAILABLE\",\"app_name\":\"t\",\"partition_count\":\"1\"}}}"));
    assertThrows(IOException.class, () -> MetaBodies.tableLayout("{\"general\":{\"app_id\":\"2\"}}"));
  }
}
