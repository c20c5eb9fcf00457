package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.spi.EndpointException;
import io.undertow.server.HttpServerExchange;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.xnio.XnioExecutor;

/**
 * Receives a request body on the I/O thread, without holding a worker: at most {@code maxBytes}
 * (a 413 beyond; Undertow's own limit sits {@link #UNDERTOW_SLACK} higher, so we see the excess
 * and answer before it would drop the connection), within {@code timeout} (a 408 when the client
 * stalls). Exactly one of the two callbacks runs.
 */
final class BodyReceiver {

  /** Room between our limit and Undertow's hard one (set once per listener, see ServerRuntime). */
  static final long UNDERTOW_SLACK = 1024 * 1024;

  private final HttpServerExchange exchange;
  private final int maxBytes;
  private final ByteArrayOutputStream body;
  private boolean finished;
  private XnioExecutor.Key timer;

  private BodyReceiver(HttpServerExchange exchange, int maxBytes) {
    this.exchange = exchange;
    this.maxBytes = maxBytes;
    long declared = exchange.getRequestContentLength();
    this.body = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, maxBytes) : 256);
  }

  /** Starts receiving; {@code onBody} gets the bytes, {@code onError} the 4xx to send instead. */
  static void receive(
      HttpServerExchange exchange,
      int maxBytes,
      Duration timeout,
      Consumer<byte[]> onBody,
      Consumer<EndpointException> onError) {
    BodyReceiver receiver = new BodyReceiver(exchange, maxBytes);
    receiver.timer =
        exchange
            .getIoThread()
            .executeAfter(
                () -> receiver.fail(
                    onError,
                    new EndpointException(
                        408, "the request body did not arrive within " + timeout.toMillis() + " ms")),
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    exchange
        .getRequestReceiver()
        .receivePartialBytes(
            (ex, bytes, last) -> receiver.append(bytes, last, onBody, onError),
            (ex, e) -> receiver.fail(
                onError, EndpointException.badRequest("could not read the request body: " + e.getMessage())));
  }

  private synchronized void append(
      byte[] bytes, boolean last, Consumer<byte[]> onBody, Consumer<EndpointException> onError) {
    if (finished) {
      return;
    }
    if (body.size() + bytes.length > maxBytes) {
      fail(onError, new EndpointException(
          413, "the request body is larger than the limit of " + maxBytes + " bytes"));
      return;
    }
    body.write(bytes, 0, bytes.length);
    if (last) {
      finished = true;
      timer.remove();
      onBody.accept(body.toByteArray());
    }
  }

  private synchronized void fail(Consumer<EndpointException> onError, EndpointException error) {
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
}
