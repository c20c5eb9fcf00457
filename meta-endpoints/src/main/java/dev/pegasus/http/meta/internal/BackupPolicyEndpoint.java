package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import dev.pegasus.http.meta.BackupPolicy;
import dev.pegasus.http.meta.MetaSnapshot;
import dev.pegasus.http.meta.MetaState;
import java.util.Optional;

/**
 * {@code /meta/backup_policy[?name=<policy_name>]}: the cold-backup policies in name order, or the
 * named one ({@code {}} when it does not exist); 404 {@code cold_backup_disabled} when cold backup
 * is disabled on this meta.
 *
 * <p>{@code curl 'http://127.0.0.1:34601/meta/backup_policy?name=daily'}
 */
final class BackupPolicyEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/meta/backup_policy")
          .summary("Query backup policy by policy name.")
          .parameter(Parameter.string("name", "policy_name"))
          .build();

  private final MetaState state;

  BackupPolicyEndpoint(MetaState state) {
    this.state = state;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    MetaSnapshot snapshot = state.snapshot();
    if (!snapshot.cluster().coldBackupEnabled()) {
      throw EndpointException.notFound("cold_backup_disabled");
    }
    Optional<String> name = request.string("name");
    TableJsonWriter json = new TableJsonWriter().beginObject();
    for (BackupPolicy p : snapshot.backupPolicies()) {
      if (name.isEmpty() || name.get().equals(p.name())) {
        row(json, p);
      }
    }
    return HttpResponse.json(json.endObject().finish());
  }

  private static void row(TableJsonWriter json, BackupPolicy p) {
    StringBuilder appIds = new StringBuilder("[");
    for (int id : p.appIds()) {
      appIds.append(appIds.length() > 1 ? "," : "").append(id);
    }
    json.beginObject(p.name())
        .field("name", p.name())
        .field("backup_provider_type", p.providerType())
        .field("backup_interval", p.intervalSeconds())
        .field("app_ids", appIds.append(']').toString())
        .field(
            "start_time",
            twoDigits(p.startTime().getHour()) + ":" + twoDigits(p.startTime().getMinute()))
        .field("status", p.enabled() ? "enabled" : "disabled")
        .field("backup_history_count", p.historyCountToKeep())
        .endObject();
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }
}
