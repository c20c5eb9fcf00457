package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.SortedJson;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import dev.pegasus.http.meta.Duplication;
import dev.pegasus.http.meta.MetaSnapshot;
import dev.pegasus.http.meta.MetaState;
import dev.pegasus.http.meta.Table;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /meta/app/duplication?name=<app_name>}: a table's duplications as typed JSON with sorted
 * keys and no trailing newline (Pegasus master's entries: 2.0's keys plus {@code partition_states},
 * {@code remote_app_name} and {@code remote_replica_count}), numbered {@code "1"}, {@code "2"}, ... in id order, plus {@code
 * "appid"}; {@code {}} for a table without duplications (Pegasus answered {@code null}).
 *
 * <p>{@code curl 'http://127.0.0.1:34601/meta/app/duplication?name=temp'}
 */
final class AppDuplicationEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/meta/app/duplication")
          .summary("Query app duplication info.")
          .parameter(
              Parameter.string("name", "app_name")
                  .required()
                  .whenMissing("name should not be empty"))
          .build();

  private final MetaState state;
  private final PegasusTimes times;

  AppDuplicationEndpoint(MetaState state, PegasusTimes times) {
    this.state = state;
    this.times = times;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    MetaSnapshot snapshot = state.snapshot();
    if (!snapshot.cluster().duplicationEnabled()) {
      throw EndpointException.notFound("duplication is not enabled [duplication_enabled=false]");
    }
    String name = request.requiredString("name");
    Table table =
        snapshot
            .table(name)
            .filter(Table::isAvailable)
            .orElseThrow(
                () ->
                    EndpointException.notFound(
                        "ERR_APP_NOT_EXIST: no AVAILABLE table named \"" + name + "\""));
    return HttpResponse.json(SortedJson.write(body(table)));
  }

  private Map<String, Object> body(Table table) {
    Map<String, Object> body = new HashMap<>();
    int n = 0;
    for (Duplication d : table.duplications()) {
      Map<String, Object> entry = new HashMap<>();
      entry.put("create_ts", times.dateTime(d.createTimeMillis()));
      entry.put("dupid", d.dupId());
      entry.put("fail_mode", d.failMode().wireName());
      entry.put("partition_states", partitionStates(d));
      entry.put("remote", d.remoteCluster());
      entry.put("remote_app_name", d.remoteAppName().isEmpty() ? table.name() : d.remoteAppName());
      entry.put(
          "remote_replica_count",
          d.remoteReplicaCount() == 0 ? table.app().maxReplicaCount() : d.remoteReplicaCount());
      entry.put("status", d.status().wireName());
      body.put(Integer.toString(++n), entry);
    }
    if (n > 0) {
      body.put("appid", table.app().appId());
    }
    return body;
  }

  /** {@code {"<pidx>":{"confirmed_decree":..,"last_committed_decree":..}}}, or null when none is known. */
  private static Map<String, Object> partitionStates(Duplication d) {
    if (d.partitionStates().isEmpty()) {
      return null;
    }
    Map<String, Object> states = new HashMap<>();
    d.partitionStates()
        .forEach(
            (pidx, s) ->
                states.put(
                    Integer.toString(pidx),
                    Map.of("confirmed_decree", s.confirmedDecree(), "last_committed_decree", s.lastCommittedDecree())));
    return states;
  }
}
