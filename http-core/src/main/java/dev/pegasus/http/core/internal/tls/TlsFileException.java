package dev.pegasus.http.core.internal.tls;

/** A TLS file that cannot be used; the message names the file and why, and never a secret. */
public final class TlsFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  TlsFileException(String message) {
    super(message);
  }

  TlsFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
