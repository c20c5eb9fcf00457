package dev.pegasus.http.collector;

import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * {@code /collector/app_stat[?name=<table>]}: the collector's latest published round for people,
 * in Pegasus's table style (every value a string, trailing newline): the round's time and
 * servers, then one object per table in name order and {@code _all_} last, each with the 41
 * statistics the collector publishes as counters.
 *
 * <p>{@code curl 'http://127.0.0.1:34101/collector/app_stat?name=temp'}
 */
final class AppStatEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/collector/app_stat")
          .summary("Shows the per-table statistics of the collector's latest round.")
          .parameter(Parameter.string("name", "app_name"))
          .build();

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Collector collector;

  AppStatEndpoint(Collector collector) {
    this.collector = collector;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    Optional<String> name = request.string("name");
    if (name.isPresent() && name.get().isEmpty()) {
      throw EndpointException.badRequest("name should not be empty");
    }
    AppStatRound round =
        collector
            .latestRound()
            .orElseThrow(
                () ->
                    EndpointException.serviceUnavailable(
                        "the collector has not published a round yet",
                        Math.max(1, collector.config().interval().toSeconds())));
    List<AppStat> apps = round.apps();
    if (name.isPresent()) {
      apps =
          List.of(
              round
                  .app(name.get())
                  .orElseThrow(
                      () ->
                          EndpointException.notFound(
                              "table not found in the latest round: \"" + name.get() + "\"")));
    }
    TableJsonWriter json = new TableJsonWriter(1024 + apps.size() * 1500).beginObject();
    json.beginObject("round")
        .field("time", TIME.format(LocalDateTime.ofInstant(round.time(), collector.clock().getZone())))
        .field("duration_ms", round.duration().toMillis())
        .field("replica_server_count", round.replicaServers().size())
        .field("failed_replica_server_count", round.failedReplicaServers().size())
        .field("failed_replica_servers", "[" + String.join(",", round.failedReplicaServers()) + "]")
        .endObject();
    json.beginObject("app_stat");
    for (AppStat app : apps) {
      json.beginObject(app.appName()).field("app_name", app.appName());
      if (app.isAll()) {
        json.field("app_count", round.apps().size() - 1);
      } else {
        json.field("app_id", app.appId());
      }
      json.field("partition_count", app.partitionCount());
      for (AppStatMetric m : AppStatMetric.values()) {
        json.field(m.metricName(), app.value(m));
      }
      json.endObject();
    }
    return HttpResponse.json(json.endObject().endObject().finish());
  }
}
