package dev.pegasus.http.core.spi;

/**
 * One HTTP path served by a pegasus-http server. The framework validates the request against
 * {@link #spec()} (method, declared parameters, access policy) before {@link #handle} runs, so a
 * handler reads only typed, already-checked values.
 */
public interface HttpEndpoint {

  /** What this endpoint serves and accepts; called once, when the server is built. */
  EndpointSpec spec();

  /**
   * Serves one request. Throw {@link EndpointException} for a client mistake or a known
   * condition (404, 409, 503 ...); any other exception becomes a 500 with a generic message and
   * the stack trace goes to the log only.
   */
  HttpResponse handle(HttpRequest request) throws EndpointException;
}
