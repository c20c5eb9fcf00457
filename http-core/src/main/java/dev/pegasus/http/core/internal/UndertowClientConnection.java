package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.spi.ClientConnection;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.AttachmentKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * The client's connection of an Undertow exchange. Undertow notices that a client went away only
 * when it next reads, and it does not read while a request is running; so the first time a
 * handler asks, this watches the socket for end-of-stream from the I/O thread. Bytes of a
 * pipelined next request are pushed back to Undertow untouched and the watch ends there.
 *
 * <p>Listeners live in one set per connection, registered with Undertow once, and an exchange's
 * listeners leave the set when the exchange completes, so a keep-alive connection does not
 * collect them.
 */
final class UndertowClientConnection implements ClientConnection {

  private static final AttachmentKey<Set<Runnable>> LISTENERS = AttachmentKey.create(Set.class);

  private final HttpServerExchange exchange;
  private final AtomicBoolean watching = new AtomicBoolean();

  UndertowClientConnection(HttpServerExchange exchange) {
    this.exchange = exchange;
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
            read = -1;
          }
          if (read < 0) {
            pooled.close();
            IoUtils.safeClose(connection);
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
