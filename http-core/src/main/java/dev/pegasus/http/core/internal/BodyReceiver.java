package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.spi.EndpointException;
import io.undertow.conduits.ReadDataStreamSourceConduit;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.server.protocol.http.HttpServerConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.xnio.XnioExecutor;

/**
 * Receives a request body on the I/O thread, without holding a worker, within {@code timeout} (a
 * 408 when the client stalls) and at most {@code maxBytes} (a 413 beyond). Every body is received
 * this way, also the ones the endpoint does not read (then it is counted and dropped), so that a
 * connection either makes progress or is closed within the deadline: a client that announces a
 * body and never sends it cannot hold a connection open.
 *
 * <p>A {@code Content-Length} body is read through Undertow; a chunked one is read raw and
 * decoded by the strict {@link ChunkedDecoder}, and its connection is closed after the response,
 * because what follows a chunked body on the connection was never framed by Undertow. Answers
 * {@code Expect: 100-continue} before reading. Exactly one of the two callbacks runs.
 */
final class BodyReceiver {

  /** Room between our limit and Undertow's hard one (set once per listener, see ServerRuntime). */
  static final long UNDERTOW_SLACK = 1024 * 1024;

  private final HttpServerExchange exchange;
  private final int maxBytes;
  private final boolean keep;
  private final ByteArrayOutputStream body;
  private final ChunkedDecoder chunked;
  private final Consumer<byte[]> onBody;
  private final Consumer<EndpointException> onError;
  private long received;
  private boolean finished;
  private XnioExecutor.Key timer;

  private BodyReceiver(
      HttpServerExchange exchange,
      boolean chunked,
      boolean keep,
      int maxBytes,
      Consumer<byte[]> onBody,
      Consumer<EndpointException> onError) {
    this.exchange = exchange;
    this.maxBytes = maxBytes;
    this.keep = keep;
    this.chunked = chunked ? new ChunkedDecoder() : null;
    this.onBody = onBody;
    this.onError = onError;
    long declared = exchange.getRequestContentLength();
    this.body =
        keep ? new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, maxBytes) : 256) : null;
  }

  /**
   * Starts receiving; {@code onBody} gets the bytes (empty when {@code keep} is false), {@code
   * onError} the 4xx to send instead.
   */
  static void receive(
      HttpServerExchange exchange,
      RequestFraming.Kind framing,
      boolean keep,
      int maxBytes,
      Duration timeout,
      Consumer<byte[]> onBody,
      Consumer<EndpointException> onError) {
    BodyReceiver receiver =
        new BodyReceiver(
            exchange, framing == RequestFraming.Kind.CHUNKED, keep, maxBytes, onBody, onError);
    receiver.timer =
        exchange
            .getIoThread()
            .executeAfter(
                () -> receiver.fail(
                    new EndpointException(
                        408, "the request body did not arrive within " + timeout.toMillis() + " ms")),
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    if (receiver.chunked != null) {
      readRaw(exchange);
    }
    if (HttpContinue.requiresContinueResponse(exchange)) {
      HttpContinue.sendContinueResponse(
          exchange,
          new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange ex, Sender sender) {
              receiver.start();
            }

            @Override
            public void onException(HttpServerExchange ex, Sender sender, IOException e) {
              receiver.fail(EndpointException.badRequest("could not send 100 Continue"));
            }
          });
    } else {
      receiver.start();
    }
  }

  /**
   * Replaces Undertow's lenient chunked decoding by the connection's raw bytes (with what Undertow
   * already buffered first); the connection cannot be reused after this request.
   */
  private static void readRaw(HttpServerExchange exchange) {
    HttpServerConnection connection = (HttpServerConnection) exchange.getConnection();
    exchange.setPersistent(false);
    connection
        .getChannel()
        .getSourceChannel()
        .setConduit(new ReadDataStreamSourceConduit(connection.getOriginalSourceConduit(), connection));
  }

  private void start() {
    exchange
        .getRequestReceiver()
        .receivePartialBytes(
            (ex, bytes, last) -> append(bytes, last),
            (ex, e) -> fail(EndpointException.badRequest("could not read the request body: " + e.getMessage())));
  }

  private synchronized void append(byte[] bytes, boolean last) {
    if (finished) {
      return;
    }
    try {
      if (chunked != null) {
        chunked.feed(bytes, 0, bytes.length, this::take);
        if (chunked.isDone()) {
          exchange.getRequestReceiver().pause();
          finish();
        } else if (last) {
          fail(EndpointException.badRequest("the chunked body ended before its last chunk"));
        }
        return;
      }
      take(bytes, 0, bytes.length);
      if (last) {
        finish();
      }
    } catch (ChunkedDecoder.MalformedChunkException e) {
      fail(EndpointException.badRequest("malformed chunked body: " + e.getMessage()));
    } catch (TooLarge e) {
      fail(new EndpointException(
          413, "the request body is larger than the limit of " + maxBytes + " bytes"));
    }
  }

  private void take(byte[] bytes, int offset, int length) {
    received += length;
    if (received > maxBytes) {
      throw new TooLarge();
    }
    if (keep) {
      body.write(bytes, offset, length);
    }
  }

  private void finish() {
    finished = true;
    timer.remove();
    onBody.accept(keep ? body.toByteArray() : new byte[0]);
  }

  private synchronized void fail(EndpointException error) {
    if (finished) {
      return;
    }
    finished = true;
    if (timer != null) {
      timer.remove();
    }
    exchange.getRequestReceiver().pause();
    exchange.setPersistent(false);
    onError.accept(error);
  }

  /** Thrown through the decoder's sink when the body passes the limit. */
  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }
}
