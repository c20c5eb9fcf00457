package dev.pegasus.http.core.testing;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.Polling;
import dev.pegasus.http.testing.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What is left of the old helper: only what meta-endpoints' ZooKeeper tests still call, delegating
 * to the test kit ({@code pegasus-http-testing}). Those tests are being moved to their own module;
 * delete this class when they use {@link HttpCalls} and {@link Polling} directly.
 *
 * @deprecated use {@link HttpCalls}, {@link Polling} and {@link TestResponse}
 */
@Deprecated
public final class EndpointTesting {

  private EndpointTesting() {}

  /** A response, with its body as text. */
  public record Response(int status, Map<String, List<String>> headers, String body, byte[] bytes) {

    /** The first value of a header, case-insensitively. */
    public Optional<String> header(String name) {
      return of(this).header(name);
    }

    private static TestResponse of(Response r) {
      return new TestResponse(r.status, r.headers, r.bytes);
    }
  }

  /** {@link HttpCalls#get(PegasusHttpServer, String)}. */
  public static Response get(PegasusHttpServer server, String pathAndQuery) {
    TestResponse r = HttpCalls.get(server, pathAndQuery);
    return new Response(r.status(), r.headers(), r.body(), r.bytes());
  }

  /** {@link Polling#pollUntil}. */
  public static <T> T pollUntil(
      String what, Duration deadline, Supplier<T> probe, Predicate<? super T> done) {
    return Polling.pollUntil(what, deadline, probe, done);
  }
}
