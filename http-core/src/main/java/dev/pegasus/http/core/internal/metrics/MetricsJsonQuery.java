package dev.pegasus.http.core.internal.metrics;

import dagger.Lazy;
import dev.pegasus.http.core.PrettyJsonWriter;
import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.internal.CoreFlags;
import dev.pegasus.http.core.internal.ServerRuntime;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.spi.HttpMethod;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Pegasus master's {@code /metrics} JSON (reference §2): GET only, the six parameters ({@link
 * MetricsQuery}), and the P-JSON body of the server's registry ({@link MetricsJsonBody}). Errors
 * are master's: 400 with {@code {"error_message": …}} in P-JSON.
 *
 * <p>{@code curl 'http://127.0.0.1:34801/metrics?types=replica&metrics=get_requests'}
 */
@Singleton
public final class MetricsJsonQuery {

  static final String METHOD_ERROR = "please use 'GET' method while querying for metrics";

  private final MetricRegistry registry;
  private final CoreFlags flags;
  private final String role;
  private final Clock clock;
  /** Lazy: the runtime serves this endpoint, so it cannot be built before it. */
  private final Lazy<ServerRuntime> runtime;
  /** The size of the last unfiltered body, so the next one is written into one buffer. */
  private volatile SizeHint lastFull = new SizeHint(MetricsQuery.ALL.fields(), 4096);

  /** A body size and the field set it was written with (brief and detailed differ 3-fold). */
  private record SizeHint(int fields, int size) {}

  @Inject
  MetricsJsonQuery(
      MetricRegistry registry,
      CoreFlags flags,
      ServerConfig config,
      Clock clock,
      Lazy<ServerRuntime> runtime) {
    this.registry = registry;
    this.flags = flags;
    this.role = config.role();
    this.clock = clock;
    this.runtime = runtime;
  }

  /** Answers one {@code /metrics} request that negotiated JSON. */
  public HttpResponse respond(HttpRequest request) {
    // HEAD is GET without the body (the framework drops it).
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      return error(METHOD_ERROR);
    }
    MetricsQuery query;
    try {
      query = MetricsQuery.parse(request.parameterValues());
    } catch (MetricsQuery.Invalid e) {
      return error(e.getMessage());
    }
    // An unfiltered body (the Go collector's ?detail=true, several MB on a busy replica server)
    // is about as large as the previous one: one buffer with some slack and one copy, instead of
    // doubling from small. Filtered bodies are small and grow from the default.
    SizeHint hint = lastFull;
    boolean full = query.selectsEverything();
    int sizeHint = full && hint.fields() == query.fields() ? hint.size() + hint.size() / 16 : 0;
    // A HEAD's body is dropped: it must not take the volatile counters' sums from the next GET.
    MetricsJsonBody.ReadMode mode =
        request.method() == HttpMethod.HEAD ? MetricsJsonBody.ReadMode.PEEK : MetricsJsonBody.ReadMode.RESET;
    byte[] body = MetricsJsonBody.write(header(), registry.entities(), query, sizeHint, mode);
    if (full) {
      lastFull = new SizeHint(query.fields(), body.length);
    }
    return HttpResponse.of(200, HttpResponse.JSON, body);
  }

  private MetricsJsonBody.Header header() {
    Instant now = clock.instant();
    return new MetricsJsonBody.Header(
        flags.clusterNameOrUnknown(),
        role,
        HostName.get(),
        runtime.get().port(),
        now.getEpochSecond() * 1_000_000_000L + now.getNano());
  }

  /** Master's error: 400, P-JSON {@code {"error_message": …}}, no trailing newline. */
  static HttpResponse error(String message) {
    byte[] body = new PrettyJsonWriter().beginObject().field("error_message", message).endObject().finishBytes();
    return HttpResponse.of(400, HttpResponse.JSON, body);
  }
}
