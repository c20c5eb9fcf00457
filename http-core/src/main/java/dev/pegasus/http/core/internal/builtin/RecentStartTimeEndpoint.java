package dev.pegasus.http.core.internal.builtin;

import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.internal.ServerStartTime;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import java.time.format.DateTimeFormatter;
import javax.inject.Inject;

/**
 * {@code /recentStartTime}: {@code {"RecentStartTime":"YYYY-MM-DD HH:MM:SS"}\n}, when this server
 * last started, in the server's local time zone.
 *
 * <p>{@code curl http://127.0.0.1:34601/recentStartTime}
 */
public final class RecentStartTimeEndpoint implements HttpEndpoint {

  private static final EndpointSpec SPEC =
      EndpointSpec.builder("/recentStartTime")
          .summary("Gets the server start time.")
          .nonBlocking()
          .ignoresUndeclaredParameters()
          .build();

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final ServerStartTime startTime;

  @Inject
  RecentStartTimeEndpoint(ServerStartTime startTime) {
    this.startTime = startTime;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    return HttpResponse.json(
        new TableJsonWriter()
            .beginObject()
            .field("RecentStartTime", FORMAT.format(startTime.localTime()))
            .endObject()
            .finish());
  }
}
