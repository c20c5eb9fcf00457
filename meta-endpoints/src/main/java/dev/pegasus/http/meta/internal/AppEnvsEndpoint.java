package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import dev.pegasus.http.meta.MetaState;
import dev.pegasus.http.meta.Table;
import java.util.Map;

/**
 * {@code /meta/app_envs?name=<app_name>}: an AVAILABLE table's environment, keys in byte order. An
 * unknown table is 404 (Pegasus answered {@code {}}).
 *
 * <p>{@code curl 'http://127.0.0.1:34601/meta/app_envs?name=temp'}
 */
final class AppEnvsEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/meta/app_envs")
          .summary("Query app environments.")
          .parameter(
              Parameter.string("name", "app_name")
                  .required()
                  .whenMissing("app name shouldn't be empty"))
          .build();

  private final MetaState state;

  AppEnvsEndpoint(MetaState state) {
    this.state = state;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    Table table = TableLookup.available(state.snapshot(), request.requiredString("name"));
    TableJsonWriter json = new TableJsonWriter(64 + table.app().envs().size() * 64).beginObject();
    for (Map.Entry<String, String> env : table.app().envs().entrySet()) {
      json.field(env.getKey(), env.getValue());
    }
    return HttpResponse.json(json.endObject().finish());
  }
}
