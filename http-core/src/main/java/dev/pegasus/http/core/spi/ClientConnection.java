package dev.pegasus.http.core.spi;

/**
 * The client's side of a request in flight, for long-running handlers (a 30 s profile) that
 * should stop early when the client goes away. A client that half-closes its sending side after
 * the request ({@code shutdown(SHUT_WR)}, {@code nc -N}) cannot be told apart from one that went
 * away, and is treated as gone; HTTP clients such as curl, browsers and the pprof tools keep the
 * connection open until they have the response.
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
