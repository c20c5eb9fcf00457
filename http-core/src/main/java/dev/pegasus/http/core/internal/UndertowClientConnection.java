package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.spi.ClientConnection;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.server.protocol.http.HttpServerConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * The client's connection of an Undertow exchange. Undertow notices that a client went away only
 * when it next reads, and it does not read while a request is running; so the first time a
 * handler asks, this watches the socket for end-of-stream from the I/O thread. Bytes of a
 * pipelined next request are pushed back to Undertow untouched and the watch ends there.
 */
final class UndertowClientConnection implements ClientConnection {

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
  public void onClose(Runnable listener) {
    ServerConnection connection = exchange.getConnection();
    connection.addCloseListener(c -> listener.run());
    if (!connection.isOpen()) {
      listener.run();
      return;
    }
    startWatching();
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
}
