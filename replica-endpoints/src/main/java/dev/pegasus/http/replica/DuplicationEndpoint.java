package dev.pegasus.http.replica;

import dev.pegasus.http.core.SortedJson;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import dev.pegasus.http.replica.spi.DuplicationProgress;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import dev.pegasus.http.replica.spi.ReplicaState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /replica/duplication?appid=<int>}: the duplication progress of the partitions of one
 * table for which this server is primary, as {@code {"<dupid>":{"<appid>.<pidx>":{...}}}} where
 * each state has {@code duplicating}, {@code fail_mode}, {@code not_confirmed_mutations_num},
 * {@code not_duplicated_mutations_num} and {@code remote_app_name} (the last one Pegasus master's
 * addition); real JSON types, keys sorted as strings, no trailing newline (Pegasus's format).
 *
 * <p>{@code curl 'http://127.0.0.1:34801/replica/duplication?appid=1'}
 */
final class DuplicationEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/replica/duplication")
          .summary("Query the duplication progress of the partitions this server is primary for.")
          .parameter(
              Parameter.integer("appid", "appid", 0, Integer.MAX_VALUE)
                  .required()
                  .whenMissing("appid should not be empty")
                  .whenInvalid("invalid appid=%s"))
          .build();

  private final ReplicaState state;

  DuplicationEndpoint(ReplicaState state) {
    this.state = state;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    ReplicaSnapshot snapshot = state.snapshot();
    if (!snapshot.duplicationEnabled()) {
      throw EndpointException.notFound("duplication is not enabled [duplication_enabled=false]");
    }
    int appId = (int) request.requiredInteger("appid");
    List<HostedReplica> primaries = snapshot.primariesOf(appId);
    if (primaries.isEmpty()) {
      throw EndpointException.notFound("no primary for app [appid=" + appId + "]");
    }
    Map<String, Map<String, Object>> byDupId = new HashMap<>();
    for (HostedReplica replica : primaries) {
      for (DuplicationProgress dup : replica.duplications()) {
        byDupId
            .computeIfAbsent(Integer.toString(dup.dupId()), k -> new HashMap<>())
            .put(replica.gpid().toString(), progress(replica, dup));
      }
    }
    if (byDupId.isEmpty()) {
      throw EndpointException.notFound("no duplication assigned for app [appid=" + appId + "]");
    }
    return HttpResponse.json(SortedJson.write(byDupId));
  }

  private static Map<String, Object> progress(HostedReplica replica, DuplicationProgress dup) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("duplicating", dup.duplicating());
    state.put("fail_mode", dup.failMode().name());
    state.put("not_confirmed_mutations_num", replica.notConfirmedMutations(dup));
    state.put("not_duplicated_mutations_num", replica.notDuplicatedMutations(dup));
    state.put("remote_app_name", replica.remoteAppName(dup));
    return state;
  }
}
