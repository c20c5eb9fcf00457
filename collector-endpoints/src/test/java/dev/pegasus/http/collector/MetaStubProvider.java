package dev.pegasus.http.collector;

import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test-only: serves {@code /meta/nodes[?detail]}, {@code /meta/apps} and {@code
 * /meta/app?name=<t>[&detail]} from a {@link MetaStub}, in Pegasus 2.0's table-style formats
 * (pegasus-http-reference §2.6–2.8), with a backup's 307 and a 503 when no primary is known.
 */
public final class MetaStubProvider implements EndpointProvider {

  @Override
  public Collection<HttpEndpoint> endpoints(EndpointContext context) {
    return context
        .find(MetaStub.class)
        .<Collection<HttpEndpoint>>map(
            stub ->
                List.of(
                    new StubEndpoint(
                        EndpointSpec.builder("/meta/nodes")
                            .summary("Query the replica servers.")
                            .parameter(Parameter.flag("detail"))
                            .build(),
                        stub,
                        MetaStubProvider::nodes),
                    new StubEndpoint(
                        EndpointSpec.builder("/meta/apps").summary("Query the tables.").build(),
                        stub,
                        MetaStubProvider::apps),
                    new StubEndpoint(
                        EndpointSpec.builder("/meta/app")
                            .summary("Query one table.")
                            .parameter(Parameter.string("name", "app_name").required())
                            .parameter(Parameter.flag("detail"))
                            .build(),
                        stub,
                        MetaStubProvider::app)))
        .orElse(List.of());
  }

  private interface Body {
    String write(MetaStub stub, HttpRequest request) throws EndpointException;
  }

  private record StubEndpoint(EndpointSpec spec, MetaStub stub, Body body) implements HttpEndpoint {
    @Override
    public HttpResponse handle(HttpRequest request) throws EndpointException {
      if (stub.knowsNoPrimary()) {
        throw EndpointException.serviceUnavailable("no primary meta server is known", 1);
      }
      String primary = stub.redirectTarget();
      if (primary != null) {
        String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
        return HttpResponse.temporaryRedirect("http://" + primary + request.path() + query);
      }
      return HttpResponse.json(body.write(stub, request));
    }
  }

  private static String nodes(MetaStub stub, HttpRequest request) {
    boolean detail = request.flag("detail");
    Map<String, int[]> counts = new HashMap<>();
    for (MetaStub.Table t : stub.tables()) {
      for (MetaStub.Partition p : t.partitions()) {
        if (p.primary() != null) {
          counts.computeIfAbsent(p.primary(), k -> new int[2])[0]++;
        }
        p.secondaries().forEach(s -> counts.computeIfAbsent(s, k -> new int[2])[1]++);
      }
    }
    TableJsonWriter json = new TableJsonWriter().beginObject().beginObject("details");
    int alive = 0;
    List<Map.Entry<String, Boolean>> nodes = stub.nodes();
    for (Map.Entry<String, Boolean> node : nodes) {
      alive += node.getValue() ? 1 : 0;
      json.beginObject(node.getKey())
          .field("address", node.getKey())
          .field("status", node.getValue() ? "ALIVE" : "UNALIVE");
      if (detail) {
        int[] c = counts.getOrDefault(node.getKey(), new int[2]);
        json.field("replica_count", c[0] + c[1]).field("primary_count", c[0]).field("secondary_count", c[1]);
      }
      json.endObject();
    }
    return json.endObject()
        .beginObject("summary")
        .field("total_node_count", nodes.size())
        .field("alive_node_count", alive)
        .field("unalive_node_count", nodes.size() - alive)
        .endObject()
        .endObject()
        .finish();
  }

  private static String apps(MetaStub stub, HttpRequest request) {
    TableJsonWriter json = new TableJsonWriter().beginObject().beginObject("general_info");
    List<MetaStub.Table> tables = stub.tables();
    for (MetaStub.Table t : tables) {
      json.beginObject(Integer.toString(t.appId()))
          .field("app_id", t.appId())
          .field("status", "AVAILABLE")
          .field("app_name", t.name())
          .field("app_type", "pegasus")
          .field("partition_count", t.partitions().size())
          .field("replica_count", 3)
          .field("is_stateful", true)
          .field("create_time", "2020-06-04 16:07:00.000")
          .field("drop_time", "-")
          .field("drop_expire", "-")
          .field("envs_count", 0)
          .endObject();
    }
    return json.endObject()
        .beginObject("summary")
        .field("total_app_count", tables.size())
        .endObject()
        .endObject()
        .finish();
  }

  private static String app(MetaStub stub, HttpRequest request) throws EndpointException {
    String name = request.string("name").orElseThrow();
    MetaStub.Table t = stub.table(name);
    if (t == null) {
      throw EndpointException.notFound("table not found: \"" + name + "\"");
    }
    TableJsonWriter json =
        new TableJsonWriter()
            .beginObject()
            .beginObject("general")
            .field("app_name", name)
            .field("app_id", t.appId())
            .field("partition_count", t.partitions().size())
            .field("max_replica_count", t.partitions().isEmpty() ? 0 : 3)
            .endObject();
    if (request.flag("detail")) {
      json.beginObject("replicas");
      Map<String, int[]> perNode = new TreeMap<>();
      int fullyHealthy = 0;
      int writeUnhealthy = 0;
      int readUnhealthy = 0;
      for (int pidx = 0; pidx < t.partitions().size(); pidx++) {
        MetaStub.Partition p = t.partitions().get(pidx);
        int count = (p.primary() != null ? 1 : 0) + p.secondaries().size();
        json.beginObject(Integer.toString(pidx))
            .field("pidx", pidx)
            .field("ballot", 3)
            .field("replica_count", count + "/3")
            .field("primary", p.primary() == null ? "-" : p.primary())
            .field("secondaries", "[" + String.join(",", p.secondaries()) + "]")
            .endObject();
        if (p.primary() != null) {
          perNode.computeIfAbsent(p.primary(), k -> new int[2])[0]++;
        }
        p.secondaries().forEach(s -> perNode.computeIfAbsent(s, k -> new int[2])[1]++);
        if (p.primary() == null) {
          writeUnhealthy++;
          readUnhealthy++;
        } else if (count >= 3) {
          fullyHealthy++;
        } else if (count < 2) {
          writeUnhealthy++;
        }
      }
      json.endObject().beginObject("nodes");
      int primaries = 0;
      int secondaries = 0;
      for (Map.Entry<String, int[]> node : perNode.entrySet()) {
        int[] c = node.getValue();
        primaries += c[0];
        secondaries += c[1];
        json.beginObject(node.getKey())
            .field("node", node.getKey())
            .field("primary", c[0])
            .field("secondary", c[1])
            .field("total", c[0] + c[1])
            .endObject();
      }
      json.beginObject("total")
          .field("node", "total")
          .field("primary", primaries)
          .field("secondary", secondaries)
          .field("total", primaries + secondaries)
          .endObject()
          .endObject()
          .beginObject("healthy")
          .field("fully_healthy_partition_count", fullyHealthy)
          .field("unhealthy_partition_count", t.partitions().size() - fullyHealthy)
          .field("write_unhealthy_partition_count", writeUnhealthy)
          .field("read_unhealthy_partition_count", readUnhealthy)
          .endObject();
    }
    return json.endObject().finish();
  }
}
