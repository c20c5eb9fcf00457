package dev.pegasus.http.core.spi;

/**
 * One step around the endpoints of a server: sees each request with its endpoint's spec, and
 * either answers itself (a redirect, a refusal) or hands the request on, perhaps changing the
 * response that comes back. Filters are added by providers ({@link Contribution}) and by the host
 * ({@code PegasusHttpServer.Builder.filter}), scoped to path patterns, and run in the order that
 * {@code docs/architecture.md} documents: the framework's own first, then providers' in
 * discovery order, then the builder's, then the endpoint.
 *
 * <pre>{@code
 * HttpFilter timing = (request, spec, next) -> {
 *   long start = System.nanoTime();
 *   HttpResponse response = next.proceed(request);
 *   return response.withHeader("X-Took-Micros", String.valueOf((System.nanoTime() - start) / 1000));
 * };
 * }</pre>
 *
 * <p>A filter runs where its endpoint runs (a worker thread, or the I/O thread for a {@link
 * EndpointSpec#isNonBlocking() non-blocking} one), so it must not block there. Throwing an {@link
 * EndpointException} answers with that error, in the endpoint's {@link ErrorStyle}.
 */
@FunctionalInterface
public interface HttpFilter {

  /** Answers {@code request}, usually by calling {@code next.proceed}. */
  HttpResponse filter(HttpRequest request, EndpointSpec spec, Chain next) throws EndpointException;

  /** The rest of the chain: the filters after this one, then the endpoint. */
  @FunctionalInterface
  interface Chain {
    /** Runs the rest of the chain on {@code request}. */
    HttpResponse proceed(HttpRequest request) throws EndpointException;
  }
}
