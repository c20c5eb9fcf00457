package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import dev.pegasus.http.meta.AppInfo;
import dev.pegasus.http.meta.MetaSnapshot;
import dev.pegasus.http.meta.MetaState;
import dev.pegasus.http.meta.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /meta/apps[?detail]}: every AVAILABLE table in app id order ({@code general_info}); with
 * {@code detail} also each table's partition health ({@code healthy_info}) and the health counts of
 * the whole cluster in {@code summary}.
 *
 * <p>{@code curl 'http://127.0.0.1:34601/meta/apps?detail'}
 */
final class AppsEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/meta/apps")
          .summary("List all apps in the cluster.")
          .parameter(Parameter.flag("detail"))
          .build();

  /** Sizes the body buffer: a general row is about 240 characters, a health row about 150. */
  private static final int GENERAL_ROW_CHARS = 280;

  private static final int HEALTHY_ROW_CHARS = 170;

  private final MetaState state;
  private final PegasusTimes times;

  AppsEndpoint(MetaState state, PegasusTimes times) {
    this.state = state;
    this.times = times;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    return HttpResponse.json(body(state.snapshot(), request.flag("detail")));
  }

  String body(MetaSnapshot snapshot, boolean detail) {
    List<Table> tables = snapshot.tables();
    List<Table> available = new ArrayList<>(tables.size());
    for (int i = 0, n = tables.size(); i < n; i++) {
      if (tables.get(i).isAvailable()) {
        available.add(tables.get(i));
      }
    }
    int count = available.size();
    int rowChars = GENERAL_ROW_CHARS + (detail ? HEALTHY_ROW_CHARS : 0);
    TableJsonWriter json = new TableJsonWriter(256 + count * rowChars).beginObject();
    String[] ids = new String[count];
    json.beginObject("general_info");
    for (int i = 0; i < count; i++) {
      AppInfo app = available.get(i).app();
      ids[i] = Integer.toString(app.appId());
      json.beginObject(ids[i])
          .field("app_id", ids[i])
          .field("status", app.status().name())
          .field("app_name", app.appName())
          .field("app_type", app.appType())
          .field("partition_count", app.partitionCount())
          .field("replica_count", app.maxReplicaCount())
          .field("is_stateful", app.stateful())
          .field("create_time", times.createTime(app.createSecond()))
          // Only AVAILABLE tables are listed, and Pegasus prints drop times for DROPPED ones only.
          .field("drop_time", "-")
          .field("drop_expire", "-")
          .field("envs_count", app.envs().size())
          .endObject();
    }
    json.endObject();
    int fullyHealthyApps = 0;
    int writeUnhealthyApps = 0;
    int readUnhealthyApps = 0;
    if (detail && count > 0) {
      json.beginObject("healthy_info");
      for (int i = 0; i < count; i++) {
        Table table = available.get(i);
        PartitionHealth.Counts health = PartitionHealth.of(table);
        json.beginObject(ids[i])
            .field("app_id", ids[i])
            .field("app_name", table.name())
            .field("partition_count", health.partitionCount())
            .field("fully_healthy", health.fullyHealthy())
            .field("unhealthy", health.unhealthy())
            .field("write_unhealthy", health.writeUnhealthy())
            .field("read_unhealthy", health.readUnhealthy())
            .endObject();
        fullyHealthyApps += health.fullyHealthy() == health.partitionCount() ? 1 : 0;
        writeUnhealthyApps += health.writeUnhealthy() > 0 ? 1 : 0;
        readUnhealthyApps += health.readUnhealthy() > 0 ? 1 : 0;
      }
      json.endObject();
    }
    json.beginObject("summary").field("total_app_count", count);
    if (detail && count > 0) {
      json.field("fully_healthy_app_count", fullyHealthyApps)
          .field("unhealthy_app_count", count - fullyHealthyApps)
          .field("write_unhealthy_app_count", writeUnhealthyApps)
          .field("read_unhealthy_app_count", readUnhealthyApps);
    }
    return json.endObject().endObject().finish();
  }
}
