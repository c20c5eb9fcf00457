package dev.pegasus.http.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the three meta answers a round needs, in Pegasus 2.0's table style (every value a JSON
 * string): the ALIVE servers of {@code /meta/nodes}, the AVAILABLE tables of {@code /meta/apps}
 * and the partition primaries of {@code /meta/app?name=<t>&detail}.
 */
final class MetaBodies {

  /** A row of {@code /meta/apps}' {@code general_info}. */
  record TableInfo(int appId, String name, int partitionCount) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private MetaBodies() {}

  /** The keys of {@code details} whose {@code status} is {@code ALIVE}, in the meta's order. */
  static List<String> aliveNodes(String body) throws IOException {
    List<String> alive = new ArrayList<>();
    for (Map.Entry<String, JsonNode> row : object(JSON.readTree(body), "details").properties()) {
      if ("ALIVE".equals(text(row.getValue(), "status"))) {
        alive.add(row.getKey());
      }
    }
    return alive;
  }

  /** The AVAILABLE tables of {@code general_info}. */
  static List<TableInfo> availableTables(String body) throws IOException {
    List<TableInfo> tables = new ArrayList<>();
    for (JsonNode row : object(JSON.readTree(body), "general_info")) {
      if ("AVAILABLE".equals(text(row, "status"))) {
        tables.add(new TableInfo(integer(row, "app_id"), text(row, "app_name"), integer(row, "partition_count")));
      }
    }
    return tables;
  }

  /**
   * The table's layout from {@code general} and {@code replicas}; a partition whose primary is
   * {@code "-"} or absent has none.
   */
  static TableLayout tableLayout(String body) throws IOException {
    JsonNode root = JSON.readTree(body);
    JsonNode general = object(root, "general");
    int appId = integer(general, "app_id");
    int partitionCount = integer(general, "partition_count");
    if (partitionCount < 0) {
      throw new IOException("negative partition_count " + partitionCount);
    }
    List<String> primaries = new ArrayList<>(partitionCount);
    for (int p = 0; p < partitionCount; p++) {
      primaries.add(null);
    }
    for (JsonNode row : object(root, "replicas")) {
      int pidx = integer(row, "pidx");
      String primary = text(row, "primary");
      if (pidx >= 0 && pidx < partitionCount && !"-".equals(primary)) {
        primaries.set(pidx, primary);
      }
    }
    return TableLayout.of(appId, text(general, "app_name"), primaries);
  }

  private static JsonNode object(JsonNode parent, String field) throws IOException {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || !node.isObject()) {
      throw new IOException("no \"" + field + "\" object");
    }
    return node;
  }

  private static String text(JsonNode row, String field) throws IOException {
    JsonNode node = row.get(field);
    if (node == null || !node.isTextual()) {
      throw new IOException("no string \"" + field + "\"");
    }
    return node.asText();
  }

  private static int integer(JsonNode row, String field) throws IOException {
    String raw = text(row, field);
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new IOException("\"" + field + "\" is not an integer: \"" + raw + "\"");
    }
  }
}
