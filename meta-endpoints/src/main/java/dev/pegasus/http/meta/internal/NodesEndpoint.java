package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import dev.pegasus.http.meta.MetaSnapshot;
import dev.pegasus.http.meta.MetaState;
import dev.pegasus.http.meta.NodeState;
import java.util.List;

/**
 * {@code /meta/nodes[?detail]}: the replica servers in address order (IPv4 numerically, then port)
 * with {@code ALIVE} or {@code UNALIVE}; with {@code detail} also how many primaries and
 * secondaries of the AVAILABLE tables each holds.
 *
 * <p>{@code curl 'http://127.0.0.1:34601/meta/nodes?detail'}
 */
final class NodesEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/meta/nodes")
          .summary("Query the replica servers info.")
          .parameter(Parameter.flag("detail"))
          .build();

  private final MetaState state;

  NodesEndpoint(MetaState state) {
    this.state = state;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    return HttpResponse.json(body(state.snapshot(), request.flag("detail")));
  }

  static String body(MetaSnapshot snapshot, boolean detail) {
    List<NodeState> nodes = snapshot.nodes();
    NodeLoads loads = detail ? NodeLoads.of(snapshot) : null;
    TableJsonWriter json = new TableJsonWriter(128 + nodes.size() * 160).beginObject();
    json.beginObject("details");
    int alive = 0;
    for (NodeState node : nodes) {
      String address = node.address().toString();
      json.beginObject(address)
          .field("address", address)
          .field("status", node.alive() ? "ALIVE" : "UNALIVE");
      if (loads != null) {
        int primaries = loads.primaryCount(node.address());
        int secondaries = loads.secondaryCount(node.address());
        json.field("replica_count", primaries + secondaries)
            .field("primary_count", primaries)
            .field("secondary_count", secondaries);
      }
      json.endObject();
      alive += node.alive() ? 1 : 0;
    }
    json.endObject();
    return json.beginObject("summary")
        .field("total_node_count", nodes.size())
        .field("alive_node_count", alive)
        .field("unalive_node_count", nodes.size() - alive)
        .endObject()
        .endObject()
        .finish();
  }
}
