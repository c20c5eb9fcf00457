package dev.pegasus.http.core.internal;

/** Reason phrases for the status codes pegasus-http sends. */
public final class HttpStatusText {

  private HttpStatusText() {}

  public static String of(int status) {
    return switch (status) {
      case 100 -> "Continue";
      case 200 -> "OK";
      case 307 -> "Temporary Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 411 -> "Length Required";
      case 413 -> "Payload Too Large";
      case 414 -> "URI Too Long";
      case 417 -> "Expectation Failed";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      case 505 -> "HTTP Version Not Supported";
      default -> status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Status " + status;
    };
  }
}
