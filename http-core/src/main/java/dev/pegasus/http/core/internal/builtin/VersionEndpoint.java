package dev.pegasus.http.core.internal.builtin;

import dev.pegasus.http.core.BuildInfo;
import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.inject.Inject;

/**
 * {@code /version}: {@code {"Version":"<version>","GitCommit":"<sha>"}\n}, from the build
 * information the host configured (pegasus-http's own by default).
 *
 * <p>{@code curl http://127.0.0.1:34601/version}
 */
public final class VersionEndpoint implements HttpEndpoint {

  private static final EndpointSpec SPEC =
      EndpointSpec.builder("/version").summary("Gets the server version.").nonBlocking().ignoresUndeclaredParameters().build();

  private final byte[] body;

  @Inject
  VersionEndpoint(ServerConfig config) {
    BuildInfo info = config.buildInfo();
    this.body =
        new TableJsonWriter()
            .beginObject()
            .field("Version", info.version())
            .field("GitCommit", info.gitCommit())
            .endObject()
            .finish()
            .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    return HttpResponse.of(200, HttpResponse.JSON, body);
  }
}
