package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.meta.ClusterFacts;
import dev.pegasus.http.meta.MetaLeadership;
import dev.pegasus.http.meta.MetaSnapshot;
import dev.pegasus.http.meta.MetaState;

/**
 * {@code /meta/cluster}: the meta servers, the primary, where the cluster lives in ZooKeeper, the
 * function level, the balancer's latest operation counts and the two balance scores.
 *
 * <p>{@code curl http://127.0.0.1:34601/meta/cluster}
 */
final class ClusterEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/meta/cluster").summary("Query the cluster info.").build();

  private final MetaState state;
  private final MetaLeadership leadership;

  ClusterEndpoint(MetaState state, MetaLeadership leadership) {
    this.state = state;
    this.leadership = leadership;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    return HttpResponse.json(body(state.snapshot(), leadership.primary().orElse("")));
  }

  static String body(MetaSnapshot snapshot, String primary) {
    ClusterFacts facts = snapshot.cluster();
    ReplicaBalance.Scores scores = ReplicaBalance.of(snapshot.nodes(), NodeLoads.of(snapshot));
    return new TableJsonWriter(512)
        .beginObject()
        .field("meta_servers", String.join(",", facts.metaServers()))
        .field("primary_meta_server", primary)
        .field("zookeeper_hosts", withoutWhitespace(facts.zookeeperHosts()))
        .field("zookeeper_root", normalisedRoot(facts.zookeeperRoot()))
        .field("meta_function_level", facts.functionLevel().wireName())
        .field("balance_operation_count", facts.balanceOperations().describe())
        .field("primary_replica_count_stddev", scores.primaryStddev())
        .field("total_replica_count_stddev", scores.totalStddev())
        .endObject()
        .finish();
  }

  /** Pegasus prints the hosts list with every whitespace character removed. */
  static String withoutWhitespace(String hosts) {
    StringBuilder out = new StringBuilder(hosts.length());
    for (int i = 0; i < hosts.length(); i++) {
      char c = hosts.charAt(i);
      if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The root split on {@code /} and re-joined with a leading {@code /}; {@code /} when empty. */
  static String normalisedRoot(String root) {
    StringBuilder out = new StringBuilder(root.length() + 1);
    for (String segment : root.split("/")) {
      if (!segment.isEmpty()) {
        out.append('/').append(segment);
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }
}
