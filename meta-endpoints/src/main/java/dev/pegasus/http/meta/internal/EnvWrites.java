package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.meta.AppEnvValidator;
import dev.pegasus.http.meta.AppStatus;
import dev.pegasus.http.meta.MetaState;
import dev.pegasus.http.meta.Table;
import dev.pegasus.http.meta.TableOperationResult;
import dev.pegasus.http.meta.TableOperations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pegasus's {@code set_app_envs} as the env-writing endpoints call it: every env validated (the
 * first invalid one is {@code ERR_INVALID_PARAMETERS} with its hint), then the table found ({@code
 * ERR_APP_NOT_EXIST} / {@code app cannot be found}; {@code ERR_BUSY_DROPPING} / {@code app is being
 * dropped}), then the host's {@link TableOperations#setEnvs}; answered 200 {@code
 * {"error":"<ERR>","hint_message":"<text>"}\n}.
 */
final class EnvWrites {

  private final MetaState state;
  private final Optional<TableOperations> operations;

  EnvWrites(MetaState state, Optional<TableOperations> operations) {
    this.state = state;
    this.operations = operations;
  }

  /** Throws the 404 when this meta has no {@link TableOperations}. */
  void requireEnabled() throws EndpointException {
    TableOperationsMissing.orNotFound(operations, TableOperationsMissing.NOT_ENABLED);
  }

  /** Sets {@code envs} (in this order) on the table {@code appName} and answers as Pegasus does. */
  HttpResponse set(String appName, LinkedHashMap<String, String> envs) throws EndpointException {
    TableOperations host = TableOperationsMissing.orNotFound(operations, TableOperationsMissing.NOT_ENABLED);
    return respond(result(host, appName, envs));
  }

  private TableOperationResult result(TableOperations host, String appName, LinkedHashMap<String, String> envs) {
    for (Map.Entry<String, String> env : envs.entrySet()) {
      Optional<String> hint = AppEnvValidator.check(env.getKey(), env.getValue());
      if (hint.isPresent()) {
        return TableOperationResult.failed("ERR_INVALID_PARAMETERS", hint.get());
      }
    }
    Optional<Table> table = state.snapshot().table(appName);
    if (table.isEmpty()) {
      return TableOperationResult.failed("ERR_APP_NOT_EXIST", "app cannot be found");
    }
    if (table.get().app().status() == AppStatus.DROPPING) {
      return TableOperationResult.failed("ERR_BUSY_DROPPING", "app is being dropped");
    }
    return host.setEnvs(appName, envs);
  }

  private static HttpResponse respond(TableOperationResult result) {
    return HttpResponse.json(
        new TableJsonWriter(64 + result.hint().length())
            .beginObject()
            .field("error", result.error())
            .field("hint_message", result.hint())
            .endObject()
            .finish());
  }
}
