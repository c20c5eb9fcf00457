package dev.pegasus.http.core.spi;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableListMultimap;

/**
 * A request the endpoint will not serve, with the status and the message for the client. The
 * framework writes it in the endpoint's {@link ErrorStyle}; no stack trace reaches the wire.
 */
public class EndpointException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final ImmutableListMultimap<String, String> headers;

  public EndpointException(int status, String message) {
    this(status, message, ImmutableListMultimap.of());
  }

  private EndpointException(
      int status, String message, ImmutableListMultimap<String, String> headers) {
    super(message, null, false, false);
    checkArgument(status >= 400 && status <= 599, "not an error status: %s", status);
    this.status = status;
    this.headers = headers;
  }

  public static EndpointException badRequest(String message) {
    return new EndpointException(400, message);
  }

  public static EndpointException notFound(String message) {
    return new EndpointException(404, message);
  }

  public static EndpointException conflict(String message) {
    return new EndpointException(409, message);
  }

  /** 503 with {@code Retry-After} in seconds. */
  public static EndpointException serviceUnavailable(String message, long retryAfterSeconds) {
    return new EndpointException(503, message)
        .withHeader("Retry-After", Long.toString(retryAfterSeconds));
  }

  /** The same error with one more response header. */
  public EndpointException withHeader(String name, String value) {
    return new EndpointException(
        status,
        getMessage(),
        ImmutableListMultimap.<String, String>builder().putAll(headers).put(name, value).build());
  }

  public int status() {
    return status;
  }

  public ImmutableListMultimap<String, String> headers() {
    return headers;
  }
}
