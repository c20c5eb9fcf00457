package dev.pegasus.http.core.internal.builtin;

import dev.pegasus.http.core.Flag;
import dev.pegasus.http.core.Flags;
import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import javax.inject.Inject;

/**
 * {@code /configs}: every flag of this server, {@code {"<name>":{<flag>},...}\n} in byte order of
 * name, secrets as {@code ******}.
 *
 * <p>{@code curl http://127.0.0.1:34801/configs}
 */
public final class ConfigsEndpoint implements HttpEndpoint {

  private static final EndpointSpec SPEC =
      EndpointSpec.builder("/configs")
          .summary(
              "List all configs. Only the configs which are registered by DSN_DEFINE_xxx macro can"
                  + " be queried.")
          .build();

  private final Flags flags;

  @Inject
  ConfigsEndpoint(Flags flags) {
    this.flags = flags;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    TableJsonWriter json = new TableJsonWriter().beginObject();
    for (Flag<?> flag : flags.all()) {
      FlagJson.fields(json.beginObject(flag.name()), flag).endObject();
    }
    return HttpResponse.json(json.endObject().finish());
  }
}
