package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import dev.pegasus.http.meta.AppInfo;
import dev.pegasus.http.meta.HostPort;
import dev.pegasus.http.meta.MetaState;
import dev.pegasus.http.meta.PartitionConfig;
import dev.pegasus.http.meta.Table;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /meta/app?name=<app_name>[&detail]}: one AVAILABLE table's general info; with {@code
 * detail} also its partitions ({@code replicas}), its replicas per node ({@code nodes}, ending with
 * a {@code total} row) and its partition health ({@code healthy}), in Pegasus 2.0's section and key
 * order.
 *
 * <p>{@code curl 'http://127.0.0.1:34601/meta/app?name=temp&detail'}
 */
final class AppEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/meta/app")
          .summary("Query app info.")
          .parameter(
              Parameter.string("name", "app_name")
                  .required()
                  .whenMissing("app name shouldn't be empty"))
          .parameter(Parameter.flag("detail"))
          .build();

  /** Sizes the body buffer: a replica row with 3 IPv4 replicas is about 140 characters. */
  private static final int REPLICA_ROW_CHARS = 150;

  private static final int NODE_ROW_CHARS = 110;

  private final MetaState state;

  AppEndpoint(MetaState state) {
    this.state = state;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    String name = request.requiredString("name");
    Table table = TableLookup.available(state.snapshot(), name);
    return HttpResponse.json(body(table, request.flag("detail")));
  }

  static String body(Table table, boolean detail) {
    AppInfo app = table.app();
    List<PartitionConfig> partitions = table.partitions();
    Map<HostPort, int[]> byNode = detail ? countByNode(partitions) : Map.of();
    TableJsonWriter json =
        new TableJsonWriter(
                detail
                    ? 512 + partitions.size() * REPLICA_ROW_CHARS + byNode.size() * NODE_ROW_CHARS
                    : 160)
            .beginObject();
    json.beginObject("general")
        .field("app_name", app.appName())
        .field("app_id", app.appId())
        .field("partition_count", app.partitionCount())
        .field("max_replica_count", partitions.isEmpty() ? 0 : partitions.get(0).maxReplicaCount())
        .endObject();
    if (detail) {
      replicas(json, partitions);
      nodes(json, byNode);
      healthy(json, PartitionHealth.of(table));
    }
    return json.endObject().finish();
  }

  private static void replicas(TableJsonWriter json, List<PartitionConfig> partitions) {
    json.beginObject("replicas");
    StringBuilder text = new StringBuilder(64);
    for (int i = 0, n = partitions.size(); i < n; i++) {
      PartitionConfig p = partitions.get(i);
      String pidx = Integer.toString(p.pidx());
      text.setLength(0);
      String replicaCount =
          text.append(p.replicaCount()).append('/').append(p.maxReplicaCount()).toString();
      text.setLength(0);
      text.append('[');
      List<HostPort> secondaries = p.secondaries();
      for (int j = 0, m = secondaries.size(); j < m; j++) {
        if (j > 0) {
          text.append(',');
        }
        text.append(secondaries.get(j));
      }
      String secondaryList = text.append(']').toString();
      json.beginObject(pidx)
          .field("pidx", pidx)
          .field("ballot", p.ballot())
          .field("replica_count", replicaCount)
          .field("primary", p.primary() == null ? "-" : p.primary().toString())
          .field("secondaries", secondaryList)
          .endObject();
    }
    json.endObject();
  }

  /** Primaries and secondaries of this table per node, in address order. */
  private static Map<HostPort, int[]> countByNode(List<PartitionConfig> partitions) {
    Map<HostPort, int[]> byNode = new TreeMap<>();
    for (int i = 0, n = partitions.size(); i < n; i++) {
      PartitionConfig p = partitions.get(i);
      if (p.primary() != null) {
        byNode.computeIfAbsent(p.primary(), k -> new int[2])[0]++;
      }
      List<HostPort> secondaries = p.secondaries();
      for (int j = 0, m = secondaries.size(); j < m; j++) {
        byNode.computeIfAbsent(secondaries.get(j), k -> new int[2])[1]++;
      }
    }
    return byNode;
  }

  private static void nodes(TableJsonWriter json, Map<HostPort, int[]> byNode) {
    json.beginObject("nodes");
    long primaries = 0;
    long secondaries = 0;
    for (Map.Entry<HostPort, int[]> e : byNode.entrySet()) {
      String node = e.getKey().toString();
      int[] c = e.getValue();
      row(json, node, c[0], c[1]);
      primaries += c[0];
      secondaries += c[1];
    }
    row(json, "total", primaries, secondaries);
    json.endObject();
  }

  private static void row(TableJsonWriter json, String node, long primary, long secondary) {
    json.beginObject(node)
        .field("node", node)
        .field("primary", primary)
        .field("secondary", secondary)
        .field("total", primary + secondary)
        .endObject();
  }

  private static void healthy(TableJsonWriter json, PartitionHealth.Counts health) {
    json.beginObject("healthy")
        .field("fully_healthy_partition_count", health.fullyHealthy())
        .field("unhealthy_partition_count", health.unhealthy())
        .field("write_unhealthy_partition_count", health.writeUnhealthy())
        .field("read_unhealthy_partition_count", health.readUnhealthy())
        .endObject();
  }
}
