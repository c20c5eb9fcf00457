package dev.pegasus.http.profiler;

import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.profiler.internal.ThreadDump;

/**
 * {@code /pprof/threads}: every thread with its full stack, state, CPU time and locks, as
 * jstack-like text, or as JSON for {@code Accept: application/json}.
 *
 * <p>{@code curl -H 'Accept: application/json' http://127.0.0.1:34801/pprof/threads}
 */
final class ThreadsEndpoint implements HttpEndpoint {

  private static final EndpointSpec SPEC =
      PprofSpecs.builder(
              "/pprof/threads",
              "Gets a dump of all threads: text, or JSON with Accept: application/json.")
          .build();

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    ThreadDump dump = ThreadDump.take();
    return request.accepts(HttpResponse.JSON)
        ? HttpResponse.json(dump.json())
        : HttpResponse.text(dump.text());
  }
}
