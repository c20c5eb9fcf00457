package dev.pegasus.http.core.internal.builtin;

import dev.pegasus.http.core.Flag;
import dev.pegasus.http.core.Flags;
import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.inject.Inject;

/**
 * {@code /config?name=<flag>}: one flag as table-style JSON; an unknown name is Pegasus's 200
 * {@code ERR_OBJECT_NOT_FOUND: '<name>' is not found} (text, no newline), which admin-cli prints
 * as it is.
 *
 * <p>{@code curl 'http://127.0.0.1:34801/config?name=counter_snapshot_period_ms'}
 */
public final class ConfigEndpoint implements HttpEndpoint {

  private static final EndpointSpec SPEC =
      EndpointSpec.builder("/config")
          .summary(
              "Gets the details of a specified config. Only the configs which are registered by"
                  + " DSN_DEFINE_xxx macro can be queried.")
          .parameter(
              Parameter.string("name", "config_name").required().whenMissing("name shouldn't be empty"))
          .build();

  private final Flags flags;

  @Inject
  ConfigEndpoint(Flags flags) {
    this.flags = flags;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    String name = request.requiredString("name");
    Optional<Flag<?>> flag = flags.find(name);
    if (flag.isEmpty()) {
      return HttpResponse.of(
          200,
          HttpResponse.TEXT,
          ("ERR_OBJECT_NOT_FOUND: '" + name + "' is not found").getBytes(StandardCharsets.UTF_8));
    }
    return HttpResponse.json(
        FlagJson.fields(new TableJsonWriter().beginObject(), flag.get()).endObject().finish());
  }
}
