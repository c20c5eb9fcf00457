package dev.pegasus.http.collector;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs a URL with one deadline for the whole exchange, body included: the JDK client's own
 * request timeout stops at the response headers, so a server that trickles its body would
 * otherwise hold a scrape for as long as it likes.
 */
final class HttpFetcher {

  /** A response: status, {@code Location} if any, and the body. */
  record Reply(int status, Optional<String> location, byte[] body) {}

  private final HttpClient client;
  private final Duration timeout;

  HttpFetcher(HttpClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /** The response, or an IOException (an {@link HttpTimeoutException} after the deadline). */
  Reply get(URI uri) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      HttpResponse<byte[]> r = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Reply(r.statusCode(), r.headers().firstValue("Location"), r.body());
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(String.valueOf(cause), cause);
    }
  }
}
