package dev.pegasus.http.core.internal.builtin;

import dev.pegasus.http.core.Flags;
import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.internal.QueryParser;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import java.util.Map;
import javax.inject.Inject;

/**
 * {@code /updateConfig?<flag>=<value>}: changes one mutable flag at run time, always answering 200
 * with {@code {"update_status":"<status>"}\n} as Pegasus does ({@code ERR_OK}, or the first of its
 * rules that refuses). A write operation: loopback, the token or a client certificate; GET allowed,
 * because admin-cli sends {@code GET /updateConfig?k=v}; refused to cross-site browser requests;
 * audited, with a secret flag's value masked.
 *
 * <p>{@code curl 'http://127.0.0.1:34801/updateConfig?counter_snapshot_period_ms=5000'}
 */
public final class UpdateConfigEndpoint implements HttpEndpoint {

  private final EndpointSpec spec;
  private final Flags flags;

  @Inject
  UpdateConfigEndpoint(Flags flags) {
    this.flags = flags;
    this.spec =
        EndpointSpec.builder("/updateConfig")
            .summary("Update the config to the new value.")
            .usage("<key>=<new_value>")
            .ignoresUndeclaredParameters()
            .changesState()
            .allowGet()
            .secretParameters(name -> flags.find(name).map(f -> f.isSecret()).orElse(false))
            .build();
  }

  @Override
  public EndpointSpec spec() {
    return spec;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    Map<String, String> params = QueryParser.parse(request.rawQuery());
    String status;
    if (params.size() != 1) {
      status = "ERR_INVALID_PARAMETERS: there should be exactly one config to be updated once";
    } else {
      Map.Entry<String, String> only = params.entrySet().iterator().next();
      status = flags.update(only.getKey(), only.getValue());
    }
    return HttpResponse.json(
        new TableJsonWriter().beginObject().field("update_status", status).endObject().finish());
  }
}
