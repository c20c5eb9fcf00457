package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.meta.internal.bodies.StartCompactionBody;
import java.time.Clock;
import java.util.LinkedHashMap;

/**
 * {@code POST /meta/app/start_compaction} with a {@code manual_compaction_info} JSON body: checks
 * it in Pegasus's order (400s with upstream's texts, typos kept), then sets the {@code
 * manual_compact.<type>.*} envs ({@code once} writes the current Unix time as its trigger time) and
 * {@code manual_compact.max_concurrent_running_count} when positive.
 *
 * <p>{@code curl -d '{"app_name":"temp","type":"once","target_level":-1,"bottommost_level_compaction":"skip","max_concurrent_running_count":0,"trigger_time":""}'
 * http://127.0.0.1:34601/meta/app/start_compaction}
 */
final class StartCompactionEndpoint implements HttpEndpoint {

  static final String PATH = "/meta/app/start_compaction";

  private final EndpointSpec spec;
  private final EnvWrites envs;
  private final Clock clock;

  StartCompactionEndpoint(EnvWrites envs, boolean enabled, Clock clock) {
    this.envs = envs;
    this.clock = clock;
    this.spec = WriteSpecs.json(PATH, "A JSON format of manual_compaction_info structure",
        "Start compaction for an app.", StartCompactionBody.class, enabled);
  }

  @Override
  public EndpointSpec spec() {
    return spec;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    envs.requireEnabled();
    StartCompactionBody body = request.jsonBody(StartCompactionBody.class);
    if (body.app_name().isEmpty()) {
      throw EndpointException.badRequest("app_name should not be empty");
    }
    if (!body.type().equals("once") && !body.type().equals("periodic")) {
      throw EndpointException.badRequest("type should ony be 'once' or 'periodic'");
    }
    if (body.target_level() < -1) {
      throw EndpointException.badRequest("target_level should be >= -1");
    }
    String bottommost = body.bottommost_level_compaction();
    if (!bottommost.equals("skip") && !bottommost.equals("force")) {
      throw EndpointException.badRequest("bottommost_level_compaction should ony be 'skip' or 'force'");
    }
    if (body.max_concurrent_running_count() < 0) {
      throw EndpointException.badRequest("max_running_count should be >= 0");
    }
    boolean once = body.type().equals("once");
    if (!once && body.trigger_time().isEmpty()) {
      throw EndpointException.badRequest("trigger_time should not be empty when type is periodic");
    }
    String prefix = "manual_compact." + body.type() + ".";
    LinkedHashMap<String, String> changed = new LinkedHashMap<>();
    changed.put(prefix + "target_level", Integer.toString(body.target_level()));
    changed.put(prefix + "bottommost_level_compaction", bottommost);
    changed.put(
        prefix + "trigger_time",
        once ? Long.toString(clock.instant().getEpochSecond()) : body.trigger_time());
    if (body.max_concurrent_running_count() > 0) {
      changed.put(
          "manual_compact.max_concurrent_running_count",
          Integer.toString(body.max_concurrent_running_count()));
    }
    return envs.set(body.app_name(), changed);
  }
}
