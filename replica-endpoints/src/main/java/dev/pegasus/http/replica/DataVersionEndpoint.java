package dev.pegasus.http.replica;

import dev.pegasus.http.core.SortedJson;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /replica/data_version?app_id=<int>}: the data version of every replica of one table this
 * server hosts, primary or secondary, as {@code {"<pidx>":{"data_version":"<n>"}}} (Pegasus 2.2's
 * body: the version a string, partition indexes sorted as strings, no trailing newline). admin-cli's
 * {@code data-version} asks every replica server and wants them all equal.
 *
 * <p>{@code curl 'http://127.0.0.1:34801/replica/data_version?app_id=2'}
 */
final class DataVersionEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/replica/data_version")
          .summary("Query the data version of an app.")
          .parameter(AppIdParameter.PARAMETER)
          .build();

  private final ReplicaState state;

  DataVersionEndpoint(ReplicaState state) {
    this.state = state;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    List<HostedReplica> replicas = state.snapshot().replicasOf(AppIdParameter.value(request));
    if (replicas.isEmpty()) {
      throw EndpointException.notFound("app_id=" + AppIdParameter.raw(request) + " not found");
    }
    Map<String, Object> byPartition = new HashMap<>();
    for (HostedReplica replica : replicas) {
      byPartition.put(
          Integer.toString(replica.gpid().partitionIndex()),
          Map.of("data_version", Integer.toString(replica.dataVersion())));
    }
    return HttpResponse.json(SortedJson.write(byPartition));
  }
}
