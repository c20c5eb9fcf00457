package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import dev.pegasus.http.meta.BulkLoadStatus;
import dev.pegasus.http.meta.MetaState;
import dev.pegasus.http.meta.Table;
import dev.pegasus.http.meta.TableOperations;
import java.util.Optional;

/**
 * {@code /meta/app/query_bulk_load?name=<app_name>}: 200 {@code
 * {"error":"ERR_OK","app_status":"replication::bulk_load_status::BLS_SUCCEED"}\n}; an unknown
 * table is {@code ERR_APP_NOT_EXIST}, one not AVAILABLE {@code ERR_APP_DROPPED}, both with {@code
 * BLS_INVALID}. {@code name=} passes and names no table, as upstream.
 *
 * <p>{@code curl 'http://127.0.0.1:34601/meta/app/query_bulk_load?name=temp'}
 */
final class QueryBulkLoadEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/meta/app/query_bulk_load")
          .summary("Query app bulk load info.")
          .usage("name=<app_name>")
          .parameter(Parameter.string("name", "app_name"))
          .build();

  private final MetaState state;
  private final Optional<TableOperations> operations;

  QueryBulkLoadEndpoint(MetaState state, Optional<TableOperations> operations) {
    this.state = state;
    this.operations = operations;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    TableOperations host =
        TableOperationsMissing.orNotFound(operations, TableOperationsMissing.BULK_LOAD_NOT_ENABLED);
    String name =
        request.string("name").orElseThrow(() -> EndpointException.badRequest("name should not be empty"));
    Optional<Table> table = state.snapshot().table(name);
    String error;
    BulkLoadStatus status = BulkLoadStatus.INVALID;
    if (table.isEmpty()) {
      error = "ERR_APP_NOT_EXIST";
    } else if (!table.get().isAvailable()) {
      error = "ERR_APP_DROPPED";
    } else {
      error = "ERR_OK";
      status = host.bulkLoadStatus(name);
    }
    return HttpResponse.json(
        new TableJsonWriter(128)
            .beginObject()
            .field("error", error)
            .field("app_status", status.wireName())
            .endObject()
            .finish());
  }
}
