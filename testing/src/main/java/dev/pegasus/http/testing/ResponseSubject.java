package dev.pegasus.http.testing;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.truth.FailureMetadata;
import com.google.common.truth.StringSubject;
import com.google.common.truth.Subject;
import com.google.common.truth.Truth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Truth assertions on a {@link TestResponse}: status, headers, body, JSON fields by pointer, and
 * pegasus-http's error envelope.
 *
 * <pre>{@code
 * import static dev.pegasus.http.testing.ResponseSubject.assertThat;
 *
 * assertThat(server.get("/meta/app?name=temp")).hasStatus(200);
 * assertThat(r).hasJsonField("/general/app_name", "temp");
 * assertThat(r).hasHeader("Allow", "GET, HEAD, POST");
 * assertThat(r).isErrorEnvelope(404, "table not found: \"x\"");
 * }</pre>
 */
public final class ResponseSubject extends Subject {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Headers that describe a connection rather than a response; {@link #isSameResponseAs} skips them. */
  private static final Set<String> CONNECTION_HEADERS = Set.of("connection", "date", "keep-alive");

  private static final ImmutableList<String> ENVELOPE_FIELDS =
      ImmutableList.of("status", "error", "message", "path");

  private final TestResponse actual;

  private ResponseSubject(FailureMetadata metadata, TestResponse actual) {
    super(metadata, actual);
    this.actual = actual;
  }

  /** The factory, for {@code assertAbout(responses()).that(r)} and {@code expect.about(..)}. */
  public static Subject.Factory<ResponseSubject, TestResponse> responses() {
    return ResponseSubject::new;
  }

  /** Begins an assertion on a response. */
  public static ResponseSubject assertThat(TestResponse response) {
    return Truth.assertAbout(responses()).that(response);
  }

  /** The status is {@code status}. */
  public void hasStatus(int status) {
    nonNull();
    check("status()").that(actual.status()).isEqualTo(status);
  }

  /** The first value of header {@code name} (any case) is {@code value}. */
  public void hasHeader(String name, String value) {
    nonNull();
    check("header(%s)", name).that(actual.header(name).orElse(null)).isEqualTo(value);
  }

  /** There is no header {@code name}. */
  public void hasNoHeader(String name) {
    nonNull();
    check("headerValues(%s)", name).that(actual.headerValues(name)).isEmpty();
  }

  /** The first value of header {@code name}, to assert on (null when absent). */
  public StringSubject header(String name) {
    nonNull();
    return check("header(%s)", name).that(actual.header(name).orElse(null));
  }

  /** The {@code Content-Type} is exactly {@code contentType}. */
  public void hasContentType(String contentType) {
    hasHeader("Content-Type", contentType);
  }

  /** The body, as UTF-8, is exactly {@code body}. */
  public void hasBody(String body) {
    body().isEqualTo(body);
  }

  /** The body as UTF-8, to assert on. */
  public StringSubject body() {
    nonNull();
    return check("body()").that(actual.body());
  }

  /**
   * The JSON body has, at the JSON pointer {@code pointer} ({@code /general/app_name}, {@code
   * /nodes/0}), a value equal to {@code expected}: a string, a number (compared as such, {@code 3}
   * equals {@code 3.0}), a boolean, or null for JSON {@code null}.
   */
  public void hasJsonField(String pointer, Object expected) {
    JsonNode node = jsonAt(pointer);
    if (node == null) {
      return;
    }
    if (expected == null ? node.isNull() : matches(node, expected)) {
      return;
    }
    failWithoutActual(
        fact("expected JSON field", pointer),
        fact("to be", expected instanceof String ? JSON.valueToTree(expected).toString() : String.valueOf(expected)),
        fact("but was", node.toString()),
        fact("body", actual.body()));
  }

  /** The JSON body has nothing at {@code pointer}. */
  public void hasNoJsonField(String pointer) {
    JsonNode body = json();
    if (body != null && !body.at(pointer).isMissingNode()) {
      failWithoutActual(
          fact("expected no JSON field", pointer),
          fact("but was", body.at(pointer).toString()),
          fact("body", actual.body()));
    }
  }

  /**
   * The JSON field at {@code pointer}, to assert on: a string's text, or any other value as JSON
   * ({@code 3}, {@code true}, {@code {"a":"1"}}). Fails when the field is missing.
   */
  public StringSubject jsonField(String pointer) {
    JsonNode node = jsonAt(pointer);
    return check("jsonField(%s)", pointer)
        .that(node == null ? null : node.isTextual() ? node.textValue() : node.toString());
  }

  /**
   * The response is pegasus-http's JSON error envelope for {@code status} with exactly this
   * message: that status, {@code application/json}, and a body {@code
   * {"status":..,"error":"<reason>","message":"..","path":".."}} ending in a newline, fields in
   * that order.
   */
  public void isErrorEnvelope(int status, String message) {
    JsonNode envelope = envelope(status);
    if (envelope != null) {
      check("envelope.message").that(envelope.get("message").asText()).isEqualTo(message);
    }
  }

  /** {@link #isErrorEnvelope(int, String)}, and its {@code path} is {@code path}. */
  public void isErrorEnvelope(int status, String message, String path) {
    JsonNode envelope = envelope(status);
    if (envelope == null) {
      return;
    }
    if (!envelope.get("message").asText().equals(message)) {
      check("envelope.message").that(envelope.get("message").asText()).isEqualTo(message);
    } else {
      check("envelope.path").that(envelope.get("path").asText()).isEqualTo(path);
    }
  }

  /**
   * The same response as {@code expected}: status, body bytes, and every header (names in any
   * case, values in order) but those about the connection ({@code Connection}, {@code Date},
   * {@code Keep-Alive}). For comparing an in-process call with the same request over a socket.
   */
  public void isSameResponseAs(TestResponse expected) {
    nonNull();
    if (actual.status() != expected.status()) {
      check("status()").that(actual.status()).isEqualTo(expected.status());
    } else if (!responseHeaders(actual).equals(responseHeaders(expected))) {
      check("headers()").that(responseHeaders(actual)).isEqualTo(responseHeaders(expected));
    } else if (!Arrays.equals(actual.bytes(), expected.bytes())) {
      check("body()").that(actual.body()).isEqualTo(expected.body());
    }
  }

  private static Map<String, List<String>> responseHeaders(TestResponse response) {
    Map<String, List<String>> headers = new TreeMap<>();
    response.headers().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!CONNECTION_HEADERS.contains(lower)) {
        headers.computeIfAbsent(lower, n -> new ArrayList<>()).addAll(values);
      }
    });
    return headers;
  }

  /** The envelope's JSON when the response is one for {@code status}; null after a failure. */
  private JsonNode envelope(int status) {
    nonNull();
    if (actual.status() != status) {
      check("status()").that(actual.status()).isEqualTo(status);
      return null;
    }
    if (!actual.contentType().equals("application/json")) {
      check("contentType()").that(actual.contentType()).isEqualTo("application/json");
      return null;
    }
    JsonNode body = json();
    if (body == null) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    if (!body.isObject() || !fields.equals(ENVELOPE_FIELDS)
        || !body.get("status").isInt() || body.get("status").asInt() != status
        || !body.get("error").isTextual() || body.get("error").asText().isEmpty()
        || !body.get("message").isTextual() || !body.get("path").isTextual()
        || !actual.body().endsWith("}\n")) {
      failWithoutActual(
          simpleFact(
              "expected an error envelope {\"status\":" + status
                  + ",\"error\":..,\"message\":..,\"path\":..} and a newline"),
          fact("but the body was", actual.body()));
      return null;
    }
    return body;
  }

  private JsonNode jsonAt(String pointer) {
    JsonNode body = json();
    if (body == null) {
      return null;
    }
    JsonNode node = body.at(pointer);
    if (node.isMissingNode()) {
      failWithoutActual(
          fact("expected a JSON field at", pointer), simpleFact("but there was none"), fact("body", actual.body()));
      return null;
    }
    return node;
  }

  private JsonNode json() {
    nonNull();
    try {
      return JSON.readTree(actual.bytes());
    } catch (JsonProcessingException e) {
      failWithoutActual(
          simpleFact("expected a JSON body"), fact("but it was", actual.body()), fact("problem", e.getOriginalMessage()));
      return null;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void nonNull() {
    if (actual == null) {
      failWithoutActual(simpleFact("expected a response, but was null"));
      throw new AssertionError("unreachable");
    }
  }

  private static boolean matches(JsonNode node, Object expected) {
    if (expected instanceof String s) {
      return node.isTextual() && node.textValue().equals(s);
    }
    if (expected instanceof Boolean b) {
      return node.isBoolean() && node.booleanValue() == b;
    }
    if (expected instanceof Number n) {
      return node.isNumber()
          && new java.math.BigDecimal(node.asText()).compareTo(new java.math.BigDecimal(n.toString())) == 0;
    }
    throw new IllegalArgumentException(
        "hasJsonField compares strings, numbers, booleans and null; got " + expected.getClass().getName());
  }
}
