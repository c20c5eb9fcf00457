package dev.pegasus.http.core.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.JsonBodyProblem;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decodes JSON request bodies into records with Jackson, strictly: unknown fields, missing or null
 * fields, a string for a number or a number for a string ({@code "0"} for an int, {@code 1.0} for
 * an int), duplicate keys, trailing data and an empty body are all refused, with a problem that
 * names the field ({@link JsonBodyProblem}), worded by the spec's {@code JsonBodyMessages}.
 */
public final class JsonBodyDecoder {

  private static final JsonMapper STRICT = strictMapper();

  /** Jackson's message for a refused coercion: {@code Cannot coerce String value ("0") to `int`}. */
  private static final java.util.regex.Pattern COERCION =
      java.util.regex.Pattern.compile("^Cannot coerce ([\\w-]+) value \\(\"?(.*?)\"?\\) to");

  private JsonBodyDecoder() {}

  /**
   * {@code body} as the spec's record type.
   *
   * @throws EndpointException 400 with the spec's wording of the problem
   */
  public static Object decode(EndpointSpec spec, byte[] body) throws EndpointException {
    Class<?> type = spec.jsonBodyType().orElseThrow();
    JsonBodyProblem problem;
    if (isBlank(body)) {
      problem = new JsonBodyProblem(Optional.empty(), "the body is empty; a JSON object is expected");
    } else {
      try {
        return STRICT.readValue(body, type);
      } catch (JacksonException e) {
        problem = problemOf(e);
      } catch (IOException e) {
        problem = new JsonBodyProblem(Optional.empty(), "the body could not be read");
      }
    }
    throw EndpointException.badRequest(spec.jsonBodyMessages().messageFor(problem));
  }

  static JsonBodyProblem problemOf(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds() == null
              ? ""
              : u.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", ", "; known fields: ", ""));
      return new JsonBodyProblem(pointer(u), "unknown field" + known);
    }
    if (e instanceof InvalidFormatException f) {
      return new JsonBodyProblem(
          pointer(f), "expected " + typeName(f.getTargetType()) + ", got " + quoted(f.getValue()));
    }
    if (e instanceof MismatchedInputException m) {
      String message = m.getOriginalMessage();
      if (message.startsWith("Missing required creator property")
          || message.startsWith("Missing creator property")) {
        return new JsonBodyProblem(pointer(m), "missing");
      }
      if (message.contains("Null value for creator property") || message.startsWith("Cannot map `null`")) {
        return new JsonBodyProblem(pointer(m), "null is not allowed");
      }
      if (message.startsWith("Trailing token")) {
        return new JsonBodyProblem(Optional.empty(), "trailing data after the JSON value");
      }
      return new JsonBodyProblem(
          pointer(m), "expected " + typeName(m.getTargetType()) + ", got " + found(m));
    }
    if (e instanceof JsonParseException p && p.getOriginalMessage().startsWith("Duplicate field")) {
      String name = p.getOriginalMessage().replaceAll("^Duplicate field '(.*)'$", "$1");
      return new JsonBodyProblem(Optional.of("/" + name), "given twice");
    }
    if (e instanceof JsonMappingException j) {
      return new JsonBodyProblem(pointer(j), firstClause(j.getOriginalMessage()).replaceFirst("^, ", ""));
    }
    return new JsonBodyProblem(
        Optional.empty(), "not valid JSON: " + firstClause(e.getOriginalMessage()).replaceFirst("^, ", ""));
  }

  /** What the parser stood on when decoding failed: {@code the string "0"}, {@code an object}. */
  private static String found(MismatchedInputException e) {
    java.util.regex.Matcher coercion = COERCION.matcher(String.valueOf(e.getOriginalMessage()));
    if (coercion.find()) {
      return switch (coercion.group(1)) {
        case "String" -> "the string \"" + ErrorText.bounded(coercion.group(2), 64) + "\"";
        case "Integer" -> "an integer";
        case "Floating-point" -> "a floating-point number";
        case "Boolean" -> "a boolean";
        default -> "another kind of value";
      };
    }
    if (!(e.getProcessor() instanceof JsonParser parser) || parser.currentToken() == null) {
      return "another kind of value";
    }
    JsonToken token = parser.currentToken();
    try {
      return switch (token) {
        case VALUE_STRING -> "the string \"" + ErrorText.bounded(parser.getText(), 64) + "\"";
        case VALUE_NUMBER_INT -> "an integer";
        case VALUE_NUMBER_FLOAT -> "a floating-point number";
        case VALUE_TRUE, VALUE_FALSE -> "a boolean";
        case VALUE_NULL -> "null";
        case START_OBJECT, FIELD_NAME -> "an object";
        case START_ARRAY -> "an array";
        default -> "another kind of value";
      };
    } catch (IOException io) {
      return "another kind of value";
    }
  }

  private static Optional<String> pointer(JsonMappingException e) {
    if (e.getPath().isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      out.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
    }
    return Optional.of(out.toString());
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class
        || type == short.class || type == Short.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (type.isRecord()) {
      return "a JSON object";
    }
    return "a " + type.getSimpleName();
  }

  /** Jackson's own explanation up to its first line, as ", <reason>"; empty when it has none. */
  private static String firstClause(String message) {
    if (message == null) {
      return "";
    }
    String line = message.split("\n", 2)[0];
    int because = line.indexOf("from ");
    return because >= 0 ? ", got " + line.substring(because + 5).replaceAll("\\s*\\(.*$", "") : "";
  }

  private static String quoted(Object value) {
    if (value instanceof String s) {
      return "the string \"" + ErrorText.bounded(s, 64) + "\"";
    }
    return value instanceof Number ? "the number " + value : String.valueOf(value);
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static JsonMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    // No string for a number or boolean, no number or boolean for a string.
    for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
      mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }
}
