package dev.pegasus.http.core.spi;

/**
 * The client's side of a request in flight, for long-running handlers (a 30 s profile) that
 * should stop early when the client goes away: a reset, a close before the request was complete,
 * or a full close after it.
 *
 * <p>A client that half-closes its sending side after a complete request ({@code
 * shutdown(SHUT_WR)}, {@code nc -N}) is still open: it waits for its response. Its FIN looks
 * the same as a full close's, so the server asks the write side: an HTTP/1.1 client gets {@code
 * HTTP/1.1 100 Continue} interim responses while the handler runs (a client that fully closed
 * answers them with a reset, which closes the connection within about 200 ms); an HTTP/1.0
 * client, which must not get 1xx, counts as open until the response unless it resets the
 * connection.
 */
public interface ClientConnection {

  /** A connection that never closes, for requests built outside a server. */
  ClientConnection ALWAYS_OPEN =
      new ClientConnection() {
        @Override
        public boolean isOpen() {
          return true;
        }

        @Override
        public void onClose(Runnable listener) {}
      };

  /** False once the client has closed its connection. */
  boolean isOpen();

  /** Runs the listener once when the connection closes (at once if it is already closed). */
  void onClose(Runnable listener);

  /**
   * True when the request came over TLS ({@code https}); a server serves either TLS or plain HTTP,
   * so this is also how an endpoint learns which scheme its own URLs have.
   */
  default boolean isSecure() {
    return false;
  }
}
