package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.spi.EndpointException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.StreamConnection;

/**
 * Caps the connections one server holds open, in all and per client address, so that a client
 * that opens connections without end is refused clearly instead of using up the process's file
 * descriptors, which every server of the process shares. A connection beyond a cap is still
 * handed to HTTP, marked: its first request is answered {@code 503} with {@code Retry-After} and
 * the connection closed (answering in HTTP, after reading the request, is what makes the refusal
 * reach the client: closing a socket with the request unread would reset it). How many such
 * connections exist at once is bounded by XNIO's high-water mark (see ServerRuntime).
 */
@Singleton
public final class ConnectionLimiter {

  private static final Logger log = LoggerFactory.getLogger(ConnectionLimiter.class);

  private final String role;
  private final int max;
  private final int perClient;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<InetAddress, AtomicInteger> byClient = new ConcurrentHashMap<>();
  private final Set<InetSocketAddress> overLimit = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<InetSocketAddress, String> reasons = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();

  @Inject
  ConnectionLimiter(ServerConfig config) {
    this.role = config.role();
    this.max = config.maxConnections();
    this.perClient = config.maxConnectionsPerClient();
  }

  /** An open listener that counts every connection before {@code next} serves it. */
  ChannelListener<StreamConnection> around(ChannelListener<? super StreamConnection> next) {
    return connection -> accept(connection, next);
  }

  private void accept(StreamConnection connection, ChannelListener<? super StreamConnection> next) {
    InetSocketAddress peer = connection.getPeerAddress(InetSocketAddress.class);
    InetAddress client = peer == null ? null : peer.getAddress();
    String refusal = admit(client);
    AtomicBoolean released = new AtomicBoolean();
    if (refusal != null && peer != null) {
      overLimit.add(peer);
      reasons.put(peer, refusal);
      long n = refused.incrementAndGet();
      // The first refusal and then one line per thousand: a flood must not flood the log.
      if (n == 1 || n % 1000 == 0) {
        log.warn("[{}] refusing a connection from {}: {} ({} refused so far)", role, client, refusal, n);
      }
    }
    next.handleEvent(connection);
    // Undertow has set its own close listener by now; ours runs first, then hands over to it.
    ChannelListener<? super StreamConnection> undertows = connection.getCloseListener();
    connection.setCloseListener(
        closed -> {
          release(peer, refusal == null, released);
          if (undertows != null) {
            ChannelListeners.invokeChannelListener(closed, undertows);
          }
        });
    if (!connection.isOpen()) {
      release(peer, refusal == null, released);
    }
  }

  /**
   * The 503 to answer on a connection that was over a cap when it was opened, or null; cheap when
   * no connection is over a cap, as on every ordinary request.
   */
  EndpointException refusalFor(InetSocketAddress peer) {
    if (overLimit.isEmpty() || !overLimit.contains(peer)) {
      return null;
    }
    String reason = reasons.getOrDefault(peer, "this server holds too many connections");
    return new EndpointException(503, reason + "; try again later").withHeader("Retry-After", "1");
  }

  private String admit(InetAddress client) {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      return "this server already holds its maximum of " + max + " connections";
    }
    if (perClient > 0 && client != null) {
      AtomicInteger mine = byClient.computeIfAbsent(client, c -> new AtomicInteger());
      if (mine.incrementAndGet() > perClient) {
        decrement(client, mine);
        open.decrementAndGet();
        return "this client already holds its maximum of " + perClient + " connections";
      }
    }
    return null;
  }

  private void release(InetSocketAddress peer, boolean counted, AtomicBoolean released) {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    if (!counted) {
      overLimit.remove(peer);
      reasons.remove(peer);
      return;
    }
    open.decrementAndGet();
    InetAddress client = peer == null ? null : peer.getAddress();
    if (perClient > 0 && client != null) {
      AtomicInteger mine = byClient.get(client);
      if (mine != null) {
        decrement(client, mine);
      }
    }
  }

  private void decrement(InetAddress client, AtomicInteger count) {
    if (count.decrementAndGet() <= 0) {
      byClient.remove(client, count);
    }
  }
}
