package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.meta.BulkLoadRequest;
import dev.pegasus.http.meta.MetaState;
import dev.pegasus.http.meta.Table;
import dev.pegasus.http.meta.TableOperationResult;
import dev.pegasus.http.meta.TableOperations;
import dev.pegasus.http.meta.internal.bodies.StartBulkLoadBody;
import java.util.Optional;

/**
 * {@code POST /meta/app/start_bulk_load} with a {@code start_bulk_load_request} JSON body: 404
 * without {@link TableOperations}, 400s for an undecodable body or an empty field (in upstream's
 * order), then 200 {@code {"error":"<ERR>","hint_msg":"<text>"}\n}: the table missing or not
 * AVAILABLE, or what the host's {@link TableOperations#startBulkLoad} answered (already bulk
 * loading, its checks of the files).
 *
 * <p>{@code curl -d '{"app_name":"temp","cluster_name":"onebox","file_provider_type":"local_service","remote_root_path":"/bulk"}'
 * http://127.0.0.1:34601/meta/app/start_bulk_load}
 */
final class StartBulkLoadEndpoint implements HttpEndpoint {

  static final String PATH = "/meta/app/start_bulk_load";

  private final EndpointSpec spec;
  private final MetaState state;
  private final Optional<TableOperations> operations;

  StartBulkLoadEndpoint(MetaState state, Optional<TableOperations> operations) {
    this.state = state;
    this.operations = operations;
    this.spec = WriteSpecs.json(PATH, "A JSON format of start_bulk_load_request structure",
        "Start bulk load on an app.", StartBulkLoadBody.class, operations.isPresent());
  }

  @Override
  public EndpointSpec spec() {
    return spec;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    TableOperations host =
        TableOperationsMissing.orNotFound(operations, TableOperationsMissing.BULK_LOAD_NOT_ENABLED);
    StartBulkLoadBody body = request.jsonBody(StartBulkLoadBody.class);
    requireNonEmpty("app_name", body.app_name());
    requireNonEmpty("cluster_name", body.cluster_name());
    requireNonEmpty("file_provider_type", body.file_provider_type());
    requireNonEmpty("remote_root_path", body.remote_root_path());
    BulkLoadRequest start =
        new BulkLoadRequest(body.app_name(), body.cluster_name(), body.file_provider_type(), body.remote_root_path());
    return respond(result(host, start));
  }

  private TableOperationResult result(TableOperations host, BulkLoadRequest start) {
    Optional<Table> table = state.snapshot().table(start.appName());
    if (table.isEmpty()) {
      // sic: upstream's placeholder is misplaced, the name never printed
      return TableOperationResult.failed("ERR_APP_NOT_EXIST", "app not existed is ");
    }
    if (!table.get().isAvailable()) {
      return TableOperationResult.failed("ERR_APP_DROPPED", "app not available is ");
    }
    // the host answers ERR_BUSY itself: checking here, outside its lock, would let two starts pass
    return host.startBulkLoad(start);
  }

  private static void requireNonEmpty(String field, String value) throws EndpointException {
    if (value.isEmpty()) {
      throw EndpointException.badRequest(field + " should not be empty");
    }
  }

  private static HttpResponse respond(TableOperationResult result) {
    return HttpResponse.json(
        new TableJsonWriter(64 + result.hint().length())
            .beginObject()
            .field("error", result.error())
            .field("hint_msg", result.hint())
            .endObject()
            .finish());
  }
}
