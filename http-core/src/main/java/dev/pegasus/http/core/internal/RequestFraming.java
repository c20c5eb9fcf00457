package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.spi.EndpointException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides how a request's body is framed, strictly (RFC 9112 §6): no body, a {@code Content-Length}
 * body, or a {@code chunked} body. Anything a proxy in front of us could read differently is
 * refused, because that difference is what request smuggling is made of: a {@code
 * Transfer-Encoding} other than exactly one {@code chunked} (400, or 501 for a coding we do not
 * implement), both {@code Transfer-Encoding} and {@code Content-Length}, several differing {@code
 * Content-Length} values or one that is not a plain decimal number (400). Every refusal also closes
 * the connection, so nothing after the ambiguous body is read as a request.
 *
 * <p>Undertow itself decodes any {@code Transfer-Encoding} but {@code identity} as chunked and
 * reads only the first {@code Content-Length}; this check runs before anything reads the body.
 */
final class RequestFraming {

  /** How the body of an accepted request is delimited. */
  enum Kind {
    NONE,
    LENGTH,
    CHUNKED
  }

  private static final int MAX_QUOTED = 64;

  private RequestFraming() {}

  /**
   * The framing of a request with these header values (each element one header line, as sent).
   *
   * @throws EndpointException 400 or 501 when the framing is refused
   */
  static Kind of(List<String> transferEncodings, List<String> contentLengths)
      throws EndpointException {
    if (!transferEncodings.isEmpty()) {
      if (!contentLengths.isEmpty()) {
        throw refused(400, "a request may not carry both Transfer-Encoding and Content-Length");
      }
      checkChunkedOnly(transferEncodings);
      return Kind.CHUNKED;
    }
    if (contentLengths.isEmpty()) {
      return Kind.NONE;
    }
    String first = null;
    for (String line : contentLengths) {
      for (String value : line.split(",", -1)) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
          throw refused(400, "invalid Content-Length: \"" + quote(line) + "\"");
        }
        if (first == null) {
          first = v;
        } else if (!first.equals(v)) {
          throw refused(400, "the request carries different Content-Length values");
        }
      }
    }
    return Long.parseLong(first) == 0 ? Kind.NONE : Kind.LENGTH;
  }

  private static void checkChunkedOnly(List<String> lines) throws EndpointException {
    List<String> codings = new ArrayList<>();
    for (String line : lines) {
      for (String token : line.split(",", -1)) {
        String coding = token.strip();
        if (coding.isEmpty()) {
          throw refused(400, "empty transfer coding in Transfer-Encoding: \"" + quote(line) + "\"");
        }
        codings.add(coding);
      }
    }
    String last = codings.get(codings.size() - 1);
    if (!last.equalsIgnoreCase("chunked")) {
      throw refused(
          400, "chunked must be the final transfer coding, not \"" + quote(last) + "\"");
    }
    if (!last.equals("chunked")) {
      throw refused(400, "transfer coding must be written \"chunked\", not \"" + quote(last) + "\"");
    }
    for (String coding : codings.subList(0, codings.size() - 1)) {
      if (coding.equalsIgnoreCase("chunked")) {
        throw refused(400, "chunked may be applied only once");
      }
      throw refused(
          501, "unsupported transfer coding \"" + quote(coding) + "\"; only \"chunked\" is accepted");
    }
  }

  private static EndpointException refused(int status, String message) {
    return new EndpointException(status, message);
  }

  /** At most {@value #MAX_QUOTED} characters of what the client sent, controls replaced. */
  static String quote(String sent) {
    return ErrorText.bounded(sent, MAX_QUOTED);
  }
}
