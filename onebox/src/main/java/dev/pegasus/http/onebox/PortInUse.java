package dev.pegasus.http.onebox;

import java.net.BindException;

/** Turns a failed bind into the one line a person needs: which port, whose, and the flag to change. */
final class PortInUse {

  private PortInUse() {}

  /** True when {@code e} or one of its causes is a {@link BindException}. */
  static boolean isCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  /** The failure to report for {@code e}: a one-line {@link OneboxStartException} when a port was taken. */
  static RuntimeException explain(RuntimeException e, String server, String host, int port, String flag) {
    if (isCause(e)) {
      return new OneboxStartException(
          "port " + port + " on " + host + " (" + server + ") is already in use; choose another with "
              + flag + ", or --ephemeral for free ports",
          e);
    }
    return e;
  }
}
