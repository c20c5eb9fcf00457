package dev.pegasus.http.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response as a client received it, over a socket or in process: the status, the headers (names
 * case-insensitive) and the body. Assert on it with {@link ResponseSubject#assertThat}.
 */
public final class TestResponse {

  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] bytes;

  /** A response; the headers are copied into a case-insensitive map, the body is not copied. */
  public TestResponse(int status, Map<String, ? extends List<String>> headers, byte[] bytes) {
    this.status = status;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    copy.replaceAll((name, values) -> List.copyOf(values));
    this.headers = Collections.unmodifiableMap(copy);
    this.bytes = bytes;
  }

  /** The status code. */
  public int status() {
    return status;
  }

  /** Every header, by name (case-insensitive), values in the order received. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, case-insensitively. */
  public Optional<String> header(String name) {
    return headerValues(name).stream().findFirst();
  }

  /** Every value of a header, case-insensitively; empty when absent. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The {@code Content-Type}, or the empty string. */
  public String contentType() {
    return header("Content-Type").orElse("");
  }

  /** The body as UTF-8 text. */
  public String body() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The body bytes, not copied: do not modify. */
  public byte[] bytes() {
    return bytes;
  }

  /** Status, headers and the start of the body, for failure messages. */
  @Override
  public String toString() {
    String body = body();
    return status + " " + headers + " " + (body.length() > 512 ? body.substring(0, 512) + "..." : body);
  }
}
