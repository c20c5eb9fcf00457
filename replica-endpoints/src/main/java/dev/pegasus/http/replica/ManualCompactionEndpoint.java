package dev.pegasus.http.replica;

import dev.pegasus.http.core.SortedJson;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ManualCompactionStatus;
import dev.pegasus.http.replica.spi.ReplicaState;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /replica/manual_compaction?app_id=<int>}: how many of one table's replicas hosted here are
 * in each manual-compaction status, as {@code
 * {"status":{"finished":n,"idle":n,"queuing":n,"running":n}}} (Pegasus 2.2's body). A table with
 * no replica here counts zeros, as in Pegasus (no 404).
 *
 * <p>{@code curl 'http://127.0.0.1:34801/replica/manual_compaction?app_id=2'}
 */
final class ManualCompactionEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/replica/manual_compaction")
          .summary("Query the manual compaction status of an app.")
          .parameter(AppIdParameter.PARAMETER)
          .build();

  private final ReplicaState state;

  ManualCompactionEndpoint(ReplicaState state) {
    this.state = state;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    Map<String, Integer> counts = new HashMap<>();
    for (ManualCompactionStatus status : ManualCompactionStatus.values()) {
      counts.put(status.wireName(), 0);
    }
    for (HostedReplica replica : state.snapshot().replicasOf(AppIdParameter.value(request))) {
      counts.merge(replica.manualCompaction().wireName(), 1, Integer::sum);
    }
    return HttpResponse.json(SortedJson.write(Map.of("status", counts)));
  }
}
