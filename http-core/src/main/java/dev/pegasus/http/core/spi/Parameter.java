package dev.pegasus.http.core.spi;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One declared query parameter of an endpoint. The framework rejects undeclared, repeated,
 * missing required and malformed parameters with a 400 before the handler runs; a handler reads
 * the typed value through {@link HttpRequest}.
 *
 * <p>Kinds: a {@link Kind#FLAG} is true when present without a value or with {@code true}/{@code
 * 1}, false with {@code false}/{@code 0}; a {@link Kind#STRING} is any decoded text; an {@link
 * Kind#INT} is a decimal integer within {@code [min, max]} (or, after {@link #radixPrefixes()},
 * one in C's base-0 syntax such as {@code 0x10}); a {@link Kind#ONE_OF} is exactly one
 * of a fixed set of values ({@code format=legacy|proto}); a {@link Kind#LIST} is a comma-separated
 * list ({@code types=replica,table}), each item trimmed and empty items dropped.
 *
 * <pre>{@code
 * Parameter.string("name", "app_name").required()   // name=<app_name>
 * Parameter.flag("detail")                          // [&detail]
 * Parameter.integer("seconds", "seconds", 1, 300)   // [&seconds=<seconds>]
 * Parameter.oneOf("format", "legacy", "proto")      // [&format=<legacy|proto>]
 * Parameter.list("types", "type")                   // [&types=<type,...>]
 * }</pre>
 *
 * <p>A handler reads optional parameters through {@link HttpRequest#string}, {@link
 * HttpRequest#integer}, {@link HttpRequest#list} and {@link HttpRequest#flag}, and required ones
 * without {@code Optional} through {@link HttpRequest#requiredString}, {@link
 * HttpRequest#requiredInteger} and {@link HttpRequest#requiredList}.
 */
public final class Parameter {

  /** The type of a parameter's value. */
  public enum Kind {
    FLAG,
    STRING,
    INT,
    /** One of the values of {@link #allowedValues()}, compared exactly; read as a string. */
    ONE_OF,
    /** Comma-separated items, trimmed, empty ones dropped; read as a list of strings. */
    LIST
  }

  private final String name;
  private final Kind kind;
  private final boolean required;
  private final String placeholder;
  private final long min;
  private final long max;
  private final String missingMessage;
  private final String invalidMessage;
  private final ImmutableList<String> allowedValues;
  private final boolean radixPrefixes;

  private Parameter(
      String name,
      Kind kind,
      boolean required,
      String placeholder,
      long min,
      long max,
      String missingMessage,
      String invalidMessage,
      ImmutableList<String> allowedValues,
      boolean radixPrefixes) {
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
    this.allowedValues = allowedValues;
    this.radixPrefixes = radixPrefixes;
  }

  /** An optional presence flag such as {@code detail}. */
  public static Parameter flag(String name) {
    return new Parameter(name, Kind.FLAG, false, "", 0, 0, null, null, ImmutableList.of(), false);
  }

  /** A string parameter; {@code placeholder} is shown in the help text as {@code name=<placeholder>}. */
  public static Parameter string(String name, String placeholder) {
    return new Parameter(name, Kind.STRING, false, placeholder, 0, 0, null, null, ImmutableList.of(), false);
  }

  /** A decimal integer parameter accepted within {@code [min, max]}. */
  public static Parameter integer(String name, String placeholder, long min, long max) {
    return new Parameter(name, Kind.INT, false, placeholder, min, max, null, null, ImmutableList.of(), false);
  }

  /**
   * A parameter whose value must be one of {@code values} (at least one, distinct, non-empty,
   * without {@code |}), compared exactly; the help text shows {@code name=<a|b>}. Any other value
   * is a 400 that names the parameter and lists the values.
   */
  public static Parameter oneOf(String name, String... values) {
    return oneOf(name, List.of(values));
  }

  /** As {@link #oneOf(String, String...)}, with the values in a list. */
  public static Parameter oneOf(String name, List<String> values) {
    checkArgument(!values.isEmpty(), "parameter %s needs at least one value", name);
    Set<String> seen = new HashSet<>();
    for (String v : values) {
      checkArgument(
          !v.isEmpty() && v.indexOf('|') < 0 && v.indexOf('&') < 0,
          "parameter %s: value \"%s\" must be non-empty and free of | and &",
          name,
          v);
      checkArgument(seen.add(v), "parameter %s: value %s listed twice", name, v);
    }
    ImmutableList<String> allowed = ImmutableList.copyOf(values);
    return new Parameter(
        name, Kind.ONE_OF, false, String.join("|", allowed), 0, 0, null, null, allowed, false);
  }

  /**
   * A comma-separated list such as {@code types=replica,table}: items are trimmed and empty ones
   * dropped, so {@code types=a,,b} is {@code [a, b]} and {@code types=} (when optional) is the
   * empty list. The help text shows {@code name=<placeholder,...>}.
   */
  public static Parameter list(String name, String placeholder) {
    return new Parameter(name, Kind.LIST, false, placeholder, 0, 0, null, null, ImmutableList.of(), false);
  }

  /** The same parameter, required (a flag cannot be required). */
  public Parameter required() {
    checkArgument(kind != Kind.FLAG, "flag %s cannot be required", name);
    return new Parameter(
        name, kind, true, placeholder, min, max, missingMessage, invalidMessage, allowedValues,
        radixPrefixes);
  }

  /** The same parameter with the message to send when it is required and missing or empty. */
  public Parameter whenMissing(String message) {
    return new Parameter(
        name,
        kind,
        required,
        placeholder,
        min,
        max,
        Objects.requireNonNull(message),
        invalidMessage,
        allowedValues,
        radixPrefixes);
  }

  /**
   * The same parameter with the message to send when its value is malformed; {@code %s} in the
   * message is replaced by the raw value.
   */
  public Parameter whenInvalid(String messageFormat) {
    return new Parameter(
        name,
        kind,
        required,
        placeholder,
        min,
        max,
        missingMessage,
        Objects.requireNonNull(messageFormat),
        allowedValues,
        radixPrefixes);
  }

  /**
   * The same integer parameter, read as C's {@code strtoll} with base 0 reads it (Pegasus's
   * {@code buf2int32}/{@code buf2int64}): leading white space and a sign are skipped, {@code
   * 0x}/{@code 0X} starts a hexadecimal number and a leading {@code 0} an octal one ({@code 0x10}
   * and {@code 020} are 16), and the whole value must be a number. For endpoints whose Pegasus
   * counterpart parses its value so and whose clients may rely on it; a value longer than 32
   * characters is malformed.
   */
  public Parameter radixPrefixes() {
    checkArgument(kind == Kind.INT, "parameter %s is not an integer", name);
    return new Parameter(
        name, kind, required, placeholder, min, max, missingMessage, invalidMessage, allowedValues, true);
  }

  /** The name as it appears in the query. */
  public String name() {
    return name;
  }

  /** The type of the value. */
  public Kind kind() {
    return kind;
  }

  /** True when a request without a (non-empty) value is a 400. */
  public boolean isRequired() {
    return required;
  }

  /** What the help text shows between {@code <} and {@code >}; {@code a|b} for {@link Kind#ONE_OF}. */
  public String placeholder() {
    return placeholder;
  }

  /** The smallest accepted value of an {@link Kind#INT}. */
  public long min() {
    return min;
  }

  /** The largest accepted value of an {@link Kind#INT}. */
  public long max() {
    return max;
  }

  /** True when an {@link Kind#INT} is read with C's base prefixes ({@link #radixPrefixes()}). */
  public boolean acceptsRadixPrefixes() {
    return radixPrefixes;
  }

  /** The accepted values of a {@link Kind#ONE_OF}, in declaration order; empty for other kinds. */
  public ImmutableList<String> allowedValues() {
    return allowedValues;
  }

  /** The custom message for a missing required value, if one was set. */
  public Optional<String> missingMessage() {
    return Optional.ofNullable(missingMessage);
  }

  /** The custom message format for a malformed value, if one was set. */
  public Optional<String> invalidMessage() {
    return Optional.ofNullable(invalidMessage);
  }

  /**
   * How the parameter reads in the help text, without brackets: {@code name=<app_name>}, {@code
   * detail}, {@code format=<legacy|proto>} or {@code types=<type,...>}.
   */
  public String usage() {
    return switch (kind) {
      case FLAG -> name;
      case LIST -> name + "=<" + placeholder + ",...>";
      default -> name + "=<" + placeholder + ">";
    };
  }

  @Override
  public String toString() {
    return usage();
  }
}
