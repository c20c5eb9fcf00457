package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.SortedPrettyJson;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.meta.AppEnvValidator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /envs/list}: every table env an operator may set, with its type, limitation and sample,
 * as nlohmann's {@code dump(2)} prints them (2 spaces, keys sorted, no trailing newline). Served by
 * every meta, backups included, whatever the parameters (as upstream).
 *
 * <p>{@code curl http://127.0.0.1:34601/envs/list}
 */
final class EnvsListEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/envs/list")
          .summary("List all available table environments.")
          .ignoresUndeclaredParameters()
          .nonBlocking()
          .build();

  /** The body never changes: built once. */
  private static final String BODY = body();

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    return HttpResponse.json(BODY);
  }

  private static String body() {
    Map<String, Object> envs = new LinkedHashMap<>();
    for (Map.Entry<String, AppEnvValidator.EnvInfo> env : AppEnvValidator.supportedEnvs().entrySet()) {
      AppEnvValidator.EnvInfo info = env.getValue();
      envs.put(
          env.getKey(),
          Map.of("limitation", info.limitation(), "sample", info.sample(), "type", info.type().wireName()));
    }
    return SortedPrettyJson.write(envs);
  }
}
