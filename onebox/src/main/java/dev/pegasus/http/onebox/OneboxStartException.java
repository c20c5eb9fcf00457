package dev.pegasus.http.onebox;

/** The onebox could not start, for a reason a person can act on (the message is one line). */
public final class OneboxStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OneboxStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
