package dev.pegasus.http.testing;

/**
 * The exact text of pegasus-http's JSON error envelope, for comparing whole bodies; {@link
 * ResponseSubject#isErrorEnvelope} checks the fields instead.
 */
public final class Envelopes {

  private Envelopes() {}

  /**
   * {@code {"status":404,"error":"Not Found","message":"...","path":"/meta/app"}} and a newline,
   * with the message's quotes and backslashes escaped.
   */
  public static String envelope(int status, String error, String message, String path) {
    return "{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\""
        + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"path\":\"" + path + "\"}\n";
  }
}
