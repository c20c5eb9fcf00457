package dev.pegasus.http.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Feeds a 200 response's body to a {@link CountersParser} as the JDK client delivers it, so a
 * replica server's counter list is parsed while it downloads; any other status becomes an error
 * that quotes the start of the body.
 */
final class CountersSubscriber implements HttpResponse.BodySubscriber<CounterReadings> {

  /** The body handler of a bulk counter read. */
  static HttpResponse.BodyHandler<CounterReadings> handler() {
    return info ->
        info.statusCode() == 200
            ? new CountersSubscriber()
            : HttpResponse.BodySubscribers.mapping(
                HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                body -> {
                  String text = body.trim();
                  throw new UncheckedIOException(
                      new IOException(
                          "HTTP " + info.statusCode()
                              + (text.isEmpty() ? "" : ": " + (text.length() <= 200 ? text : text.substring(0, 200) + "..."))));
                });
  }

  private final CompletableFuture<CounterReadings> result = new CompletableFuture<>();
  private final CountersParser parser = new CountersParser();
  private Flow.Subscription subscription;

  @Override
  public CompletionStage<CounterReadings> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> chunks) {
    try {
      for (ByteBuffer chunk : chunks) {
        parser.feed(chunk);
      }
      subscription.request(1);
    } catch (IOException e) {
      subscription.cancel();
      result.completeExceptionally(new IOException("malformed counters: " + e.getMessage(), e));
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    try {
      result.complete(parser.finish());
    } catch (IOException e) {
      result.completeExceptionally(new IOException("malformed counters: " + e.getMessage(), e));
    }
  }
}
