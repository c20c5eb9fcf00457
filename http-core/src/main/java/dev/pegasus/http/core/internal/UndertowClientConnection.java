package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.spi.ClientConnection;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.AttachmentKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.conduits.ConduitStreamSourceChannel;
import org.xnio.conduits.StreamSinkConduit;

/**
 * The client's connection of an Undertow exchange. Undertow notices that a client went away only
 * when it next reads or writes, and it does not read while a request is running; so the first
 * time a handler asks, this watches the socket from the I/O thread. Bytes of a pipelined next
 * request are pushed back to Undertow untouched and the watch ends there.
 *
 * <p>What the socket tells:
 *
 * <ul>
 *   <li>a read error (RST): the client is gone; the connection is closed.
 *   <li>end-of-stream before the request was complete: gone too.
 *   <li>end-of-stream after a complete request: the client sent FIN, which both a half-close
 *       ({@code shutdown(SHUT_WR)}, {@code nc -N}) and a full close do; the read side cannot tell
 *       them apart. So the connection stays open and, for HTTP/1.1, the write side is probed:
 *       {@value #CONTINUE_TEXT} interim responses (RFC 9110 §15.2: a client must accept 1xx it
 *       did not ask for), the first at once, then after {@value #SECOND_PROBE_MILLIS} ms, then
 *       every {@value #PROBE_INTERVAL_MILLIS} ms until the response starts. A half-closed client
 *       still reads them; a client that fully closed answers the first with RST, and the next
 *       write fails, which closes the connection. An HTTP/1.0 client must not be sent 1xx, so it
 *       is not probed: its request runs to the end unless it resets the connection.
 * </ul>
 *
 * <p>A probe and the response never interleave: a commit listener, registered before the handler
 * runs, stops the probes under the same lock before Undertow writes the first byte of the
 * response. Probes go to the connection's original sink (below Undertow's response conduits),
 * and only when Undertow buffers no pipelined responses there.
 *
 * <p>Listeners live in one set per connection, registered with Undertow once, and an exchange's
 * listeners leave the set when the exchange completes, so a keep-alive connection does not
 * collect them.
 */
final class UndertowClientConnection implements ClientConnection {

  static final String CONTINUE_TEXT = "HTTP/1.1 100 Continue";
  static final long SECOND_PROBE_MILLIS = 200;
  static final long PROBE_INTERVAL_MILLIS = 2000;

  private static final byte[] CONTINUE =
      (CONTINUE_TEXT + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  private static final AttachmentKey<Set<Runnable>> LISTENERS = AttachmentKey.create(Set.class);

  private final HttpServerExchange exchange;
  private final AtomicBoolean watching = new AtomicBoolean();
  private final Object responseLock = new Object();
  private boolean responseCommitted; // guarded by responseLock
  private int probes; // guarded by responseLock

  /** Call before the handler runs: it registers the commit listener that ends the probes. */
  UndertowClientConnection(HttpServerExchange exchange) {
    this.exchange = exchange;
    exchange.addResponseCommitListener(
        ex -> {
          synchronized (responseLock) {
            responseCommitted = true;
          }
        });
  }

  @Override
  public boolean isOpen() {
    startWatching();
    return exchange.getConnection().isOpen();
  }

  @Override
  public boolean isSecure() {
    return exchange.getConnection().getSslSessionInfo() != null;
  }

  @Override
  public void onClose(Runnable listener) {
    ServerConnection connection = exchange.getConnection();
    Runnable once = new RunOnce(listener);
    listenersOf(connection).add(once);
    exchange.addExchangeCompleteListener(
        (ex, next) -> {
          listenersOf(connection).remove(once);
          if (!connection.isOpen()) {
            once.run(); // the exchange ended because the connection closed
          }
          next.proceed();
        });
    if (!connection.isOpen()) {
      once.run();
      return;
    }
    startWatching();
  }

  private static Set<Runnable> listenersOf(ServerConnection connection) {
    synchronized (connection) {
      Set<Runnable> listeners = connection.getAttachment(LISTENERS);
      if (listeners == null) {
        Set<Runnable> created = ConcurrentHashMap.newKeySet();
        connection.putAttachment(LISTENERS, created);
        connection.addCloseListener(c -> created.forEach(Runnable::run));
        listeners = created;
      }
      return listeners;
    }
  }

  private void startWatching() {
    if (watching.compareAndSet(false, true)) {
      exchange.getIoThread().execute(this::watchFromIoThread);
    }
  }

  private void watchFromIoThread() {
    if (!(exchange.getConnection() instanceof HttpServerConnection connection)
        || !connection.isOpen()
        || exchange.isComplete()
        || connection.getExtraBytes() != null) {
      return;
    }
    ConduitStreamSourceChannel source = connection.getChannel().getSourceChannel();
    ChannelListener<? super ConduitStreamSourceChannel> undertowListener = source.getReadListener();
    source.setReadListener(
        channel -> {
          PooledByteBuffer pooled = connection.getByteBufferPool().allocate();
          ByteBuffer buffer = pooled.getBuffer();
          buffer.clear();
          int read;
          try {
            read = channel.read(buffer);
          } catch (IOException e) {
            pooled.close();
            IoUtils.safeClose(connection); // reset: the client is gone
            return;
          }
          if (read < 0) {
            pooled.close();
            if (exchange.isRequestComplete()) {
              // FIN after the whole request: maybe a half-close. Stop reading (end-of-stream
              // would wake this listener forever) and ask the write side. Undertow sets its own
              // listener again and resumes reads when the exchange completes.
              channel.suspendReads();
              if (exchange.isHttp11() && connection.getPipelineBuffer() == null) {
                probe(connection);
              }
            } else {
              IoUtils.safeClose(connection);
            }
          } else if (read == 0) {
            pooled.close();
          } else {
            buffer.flip();
            connection.ungetRequestBytes(pooled);
            channel.setReadListener(undertowListener);
            channel.wakeupReads();
          }
        });
    source.resumeReads();
  }

  /**
   * Writes one interim response on the I/O thread and schedules the next; closes the connection
   * when the write fails (the client answered an earlier probe with RST).
   */
  private void probe(HttpServerConnection connection) {
    synchronized (responseLock) {
      if (responseCommitted || exchange.isComplete() || !connection.isOpen()) {
        return;
      }
      StreamSinkConduit sink = connection.getOriginalSinkConduit();
      ByteBuffer probe = ByteBuffer.wrap(CONTINUE);
      try {
        sink.write(probe);
        sink.flush();
      } catch (IOException e) {
        IoUtils.safeClose(connection);
        return;
      }
      if (probe.hasRemaining()) {
        // A client that lets a few hundred bytes pile up unread is not reading its response
        // either; a torn interim response would corrupt the stream, so give up on it.
        IoUtils.safeClose(connection);
        return;
      }
      probes++;
      long delay = probes == 1 ? SECOND_PROBE_MILLIS : PROBE_INTERVAL_MILLIS;
      exchange.getIoThread().executeAfter(() -> probe(connection), delay, TimeUnit.MILLISECONDS);
    }
  }

  /** Runs a listener at most once, whether the close or the caller gets there first. */
  private static final class RunOnce implements Runnable {
    private final Runnable delegate;
    private final AtomicBoolean ran = new AtomicBoolean();

    RunOnce(Runnable delegate) {
      this.delegate = delegate;
    }

    @Override
    public void run() {
      if (ran.compareAndSet(false, true)) {
        delegate.run();
      }
    }
  }
}
