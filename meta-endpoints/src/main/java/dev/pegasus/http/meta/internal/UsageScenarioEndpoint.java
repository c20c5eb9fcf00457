package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.meta.internal.bodies.UsageScenarioBody;
import java.util.LinkedHashMap;

/**
 * {@code POST /meta/app/usage_scenario} with a {@code usage_scenario_info} JSON body: sets {@code
 * rocksdb.usage_scenario} to {@code normal} or {@code bulk_load} ({@code prefer_write}, valid as an
 * env, is refused here as upstream does).
 *
 * <p>{@code curl -d '{"app_name":"temp","scenario":"bulk_load"}' http://127.0.0.1:34601/meta/app/usage_scenario}
 */
final class UsageScenarioEndpoint implements HttpEndpoint {

  static final String PATH = "/meta/app/usage_scenario";

  private final EndpointSpec spec;
  private final EnvWrites envs;

  UsageScenarioEndpoint(EnvWrites envs, boolean enabled) {
    this.envs = envs;
    this.spec = WriteSpecs.json(PATH, "A JSON format of usage_scenario_info structure",
        "Update usage scenario of an app.", UsageScenarioBody.class, enabled);
  }

  @Override
  public EndpointSpec spec() {
    return spec;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    envs.requireEnabled();
    UsageScenarioBody body = request.jsonBody(UsageScenarioBody.class);
    if (body.app_name().isEmpty()) {
      throw EndpointException.badRequest("app_name should not be empty");
    }
    if (!body.scenario().equals("normal") && !body.scenario().equals("bulk_load")) {
      throw EndpointException.badRequest("scenario should ony be 'normal' or 'bulk_load'");
    }
    LinkedHashMap<String, String> changed = new LinkedHashMap<>();
    changed.put("rocksdb.usage_scenario", body.scenario());
    return envs.set(body.app_name(), changed);
  }
}
