package dev.pegasus.http.collector;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
  private volatile Duration timeout;
  private final String scheme;

  HttpFetcher(HttpClient client, Duration timeout) {
    this(client, timeout, "http");
  }

  /** @param scheme {@code http}, or {@code https} for a cluster that serves TLS (all of it does) */
  HttpFetcher(HttpClient client, Duration timeout, String scheme) {
    this.client = client;
    this.timeout = timeout;
    this.scheme = scheme;
  }

  /** Changes the deadline of the exchanges that start from now on. */
  void timeout(Duration newTimeout) {
    this.timeout = newTimeout;
  }

  /** {@code <scheme>://<authority><pathAndQuery>}: the URL of a server given as {@code host:port}. */
  URI uri(String authority, String pathAndQuery) {
    return URI.create(scheme + "://" + authority + pathAndQuery);
  }

  /** The whole response, or an IOException (an {@link HttpTimeoutException} after the deadline). */
  Reply get(URI uri) throws IOException {
    HttpResponse<byte[]> r = exchange(uri, HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(r.statusCode(), r.headers().firstValue("Location"), r.body());
  }

  /** The body as {@code handler} turns it into a value while it arrives. */
  <T> T get(URI uri, HttpResponse.BodyHandler<T> handler) throws IOException {
    return exchange(uri, handler).body();
  }

  private <T> HttpResponse<T> exchange(URI uri, HttpResponse.BodyHandler<T> handler) throws IOException {
    Duration timeout = this.timeout;
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
    CompletableFuture<HttpResponse<T>> exchange = client.sendAsync(request, handler);
    try {
      return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      throw asIoException(e.getCause());
    }
  }

  private static IOException asIoException(Throwable t) {
    while ((t instanceof CompletionException || t instanceof UncheckedIOException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof IOException io ? io : new IOException(String.valueOf(t), t);
  }
}
