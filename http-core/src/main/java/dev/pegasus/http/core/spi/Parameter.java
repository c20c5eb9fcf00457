package dev.pegasus.http.core.spi;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;

/**
 * One declared query parameter of an endpoint. The framework rejects undeclared, repeated,
 * missing required and malformed parameters with a 400 before the handler runs; a handler reads
 * the typed value through {@link HttpRequest}.
 *
 * <p>Kinds: a {@link Kind#FLAG} is true when present without a value or with {@code true}/{@code
 * 1}, false with {@code false}/{@code 0}; a {@link Kind#STRING} is any decoded text; an {@link
 * Kind#INT} is a decimal integer within {@code [min, max]}.
 */
public final class Parameter {

  /** The type of a parameter's value. */
  public enum Kind {
    FLAG,
    STRING,
    INT
  }

  private final String name;
  private final Kind kind;
  private final boolean required;
  private final String placeholder;
  private final long min;
  private final long max;
  private final String missingMessage;
  private final String invalidMessage;

  private Parameter(
      String name,
      Kind kind,
      boolean required,
      String placeholder,
      long min,
      long max,
      String missingMessage,
      String invalidMessage) {
    checkArgument(!name.isEmpty(), "a parameter needs a name");
    checkArgument(min <= max, "min %s > max %s", min, max);
    this.name = name;
    this.kind = kind;
    this.required = required;
    this.placeholder = placeholder;
    this.min = min;
    this.max = max;
    this.missingMessage = missingMessage;
    this.invalidMessage = invalidMessage;
  }

  /** An optional presence flag such as {@code detail}. */
  public static Parameter flag(String name) {
    return new Parameter(name, Kind.FLAG, false, "", 0, 0, null, null);
  }

  /** A string parameter; {@code placeholder} is shown in the help text as {@code name=<placeholder>}. */
  public static Parameter string(String name, String placeholder) {
    return new Parameter(name, Kind.STRING, false, placeholder, 0, 0, null, null);
  }

  /** A decimal integer parameter accepted within {@code [min, max]}. */
  public static Parameter integer(String name, String placeholder, long min, long max) {
    return new Parameter(name, Kind.INT, false, placeholder, min, max, null, null);
  }

  /** The same parameter, required (a flag cannot be required). */
  public Parameter required() {
    checkArgument(kind != Kind.FLAG, "flag %s cannot be required", name);
    return new Parameter(name, kind, true, placeholder, min, max, missingMessage, invalidMessage);
  }

  /** The same parameter with the message to send when it is required and missing or empty. */
  public Parameter whenMissing(String message) {
    return new Parameter(
        name, kind, required, placeholder, min, max, Objects.requireNonNull(message), invalidMessage);
  }

  /**
   * The same parameter with the message to send when its value is malformed; {@code %s} in the
   * message is replaced by the raw value.
   */
  public Parameter whenInvalid(String messageFormat) {
    return new Parameter(
        name, kind, required, placeholder, min, max, missingMessage, Objects.requireNonNull(messageFormat));
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isRequired() {
    return required;
  }

  public String placeholder() {
    return placeholder;
  }

  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  /** The custom message for a missing required value, if one was set. */
  public Optional<String> missingMessage() {
    return Optional.ofNullable(missingMessage);
  }

  /** The custom message format for a malformed value, if one was set. */
  public Optional<String> invalidMessage() {
    return Optional.ofNullable(invalidMessage);
  }

  /** How the parameter reads in the help text, without brackets: {@code name=<app_name>} or {@code detail}. */
  public String usage() {
    return kind == Kind.FLAG ? name : name + "=<" + placeholder + ">";
  }

  @Override
  public String toString() {
    return usage();
  }
}
