package dev.pegasus.http.core;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The configuration flags of one server (several servers in one JVM each have their own): defined
 * by the framework, by providers (from the {@code Flags} service of their context) and by the
 * host; given initial values from a Pegasus-style INI file and overrides when the server is built;
 * served by {@code /config} and {@code /configs}; changed at run time by {@code /updateConfig}.
 * Flags are keyed by name, as in Pegasus.
 *
 * <pre>{@code
 * Flag<Long> interval = flags.uint32("pegasus.collector", "app_stat_interval_seconds", 10,
 *         "seconds between two collector rounds")
 *     .mutable()
 *     .validator(v -> v >= 1)
 *     .define();
 * interval.onChange(seconds -> collector.reschedule(Duration.ofSeconds(seconds)));
 * }</pre>
 *
 * <p>Updates are serialised: of two clients updating one flag at once, each change is applied
 * whole, validated, and seen by the listeners once, in the order applied.
 */
public final class Flags {

  private final Map<String, Flag<?>> byName = new TreeMap<>(SortedJson.BYTE_ORDER);
  private final Map<String, Supplier<Optional<String>>> groupValidators =
      new TreeMap<>(SortedJson.BYTE_ORDER);

  /** A boolean flag. */
  public Flag.Definition<Boolean> bool(String section, String name, boolean def, String description) {
    return new Flag.Definition<>(FlagType.BOOL, section, name, def, description, this);
  }

  /** A 32-bit signed integer flag. */
  public Flag.Definition<Long> int32(String section, String name, long def, String description) {
    checkArgument(def >= Integer.MIN_VALUE && def <= Integer.MAX_VALUE, "%s: not an int32", def);
    return new Flag.Definition<>(FlagType.INT32, section, name, def, description, this);
  }

  /** A 32-bit unsigned integer flag. */
  public Flag.Definition<Long> uint32(String section, String name, long def, String description) {
    checkArgument(def >= 0 && def <= 0xFFFF_FFFFL, "%s: not a uint32", def);
    return new Flag.Definition<>(FlagType.UINT32, section, name, def, description, this);
  }

  /** A 64-bit signed integer flag. */
  public Flag.Definition<Long> int64(String section, String name, long def, String description) {
    return new Flag.Definition<>(FlagType.INT64, section, name, def, description, this);
  }

  /** A 64-bit unsigned integer flag (the {@code long} holds it unsigned). */
  public Flag.Definition<Long> uint64(String section, String name, long def, String description) {
    return new Flag.Definition<>(FlagType.UINT64, section, name, def, description, this);
  }

  /** A double flag. */
  public Flag.Definition<Double> float64(String section, String name, double def, String description) {
    checkArgument(Double.isFinite(def), "%s: not finite", def);
    return new Flag.Definition<>(FlagType.DOUBLE, section, name, def, description, this);
  }

  /** A string flag (never mutable over HTTP, as in Pegasus). */
  public Flag.Definition<String> string(String section, String name, String def, String description) {
    return new Flag.Definition<>(FlagType.STRING, section, name, def, description, this);
  }

  synchronized void add(Flag<?> flag) {
    checkArgument(
        !byName.containsKey(flag.name()),
        "flag %s is defined twice (sections [%s] and [%s])",
        flag.name(),
        byName.containsKey(flag.name()) ? byName.get(flag.name()).section() : "",
        flag.section());
    byName.put(flag.name(), flag);
  }

  /**
   * Adds a check across flags, run after every change in name order; a non-empty result is the
   * failure's message and undoes the change.
   */
  public synchronized void groupValidator(String name, Supplier<Optional<String>> check) {
    checkArgument(groupValidators.putIfAbsent(name, check) == null, "group validator %s defined twice", name);
  }

  /** The flag of this name. */
  public synchronized Optional<Flag<?>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The sections that have at least one flag. */
  public synchronized java.util.Set<String> sections() {
    java.util.Set<String> sections = new java.util.TreeSet<>();
    byName.values().forEach(f -> sections.add(f.section()));
    return sections;
  }

  /** Every flag, in byte order of name. */
  public synchronized ImmutableList<Flag<?>> all() {
    return ImmutableList.copyOf(byName.values());
  }

  /**
   * {@code /updateConfig}'s rules in Pegasus's order, returning its {@code update_status} text:
   * {@code ERR_OK}, or the first rule that refuses. A refused value leaves the old one.
   */
  public synchronized String update(String name, String text) {
    Flag<?> flag = byName.get(name);
    if (flag == null) {
      return "ERR_OBJECT_NOT_FOUND: " + name + " is not found";
    }
    if (!flag.isMutable()) {
      return "ERR_INVALID_PARAMETERS: " + name + " is not mutable";
    }
    if (flag.isSecret()) {
      return "ERR_INVALID_PARAMETERS: " + name + " is a secret and cannot be set over HTTP";
    }
    if (flag.type() == FlagType.STRING) {
      return "ERR_INVALID_PARAMETERS: string modifications are not supported";
    }
    Optional<Object> parsed = FlagValues.parse(flag.type(), text);
    if (parsed.isEmpty()) {
      return "ERR_INVALID_PARAMETERS: " + text + " is invalid";
    }
    if (!flag.accepts(parsed.get())) {
      return "ERR_INVALID_PARAMETERS: value validation failed";
    }
    Object old = flag.get();
    flag.set(parsed.get());
    List<String> failures = groupFailures();
    if (!failures.isEmpty()) {
      flag.set(old);
      return "ERR_INVALID_PARAMETERS: " + String.join("; ", failures);
    }
    flag.notifyListeners();
    return "ERR_OK";
  }

  /**
   * Sets a value at start-up (from the INI file or an override), mutable or not, validated but
   * without listeners: nothing has started yet.
   *
   * @throws IllegalArgumentException saying what was wrong, for the caller to place
   */
  synchronized void initialise(String section, String name, String text) {
    Flag<?> flag = byName.get(name);
    if (flag == null || !flag.section().equals(section)) {
      throw new IllegalArgumentException(
          flag == null
              ? "unknown key \"" + name + "\""
              : "key \"" + name + "\" belongs to section [" + flag.section() + "], not [" + section + "]");
    }
    Optional<Object> parsed = FlagValues.parse(flag.type(), text);
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException(
          "\"" + (flag.isSecret() ? "******" : text) + "\" is not a valid " + flag.type().wireName()
              + " for " + name);
    }
    if (!flag.accepts(parsed.get())) {
      throw new IllegalArgumentException("the value of " + name + " fails its validator");
    }
    flag.set(parsed.get());
  }

  /** Runs the group validators after start-up values are in. */
  synchronized void checkGroups() {
    List<String> failures = groupFailures();
    if (!failures.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", failures));
    }
  }

  private List<String> groupFailures() {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Supplier<Optional<String>>> v : groupValidators.entrySet()) {
      Optional<String> failure;
      try {
        failure = v.getValue().get();
      } catch (RuntimeException e) {
        failure = Optional.of(String.valueOf(e.getMessage()));
      }
      failure.ifPresent(
          message ->
              failures.add(
                  message.isEmpty()
                      ? "group validator \"" + v.getKey() + "\" failed"
                      : "group validator \"" + v.getKey() + "\" failed: \"" + message + "\""));
    }
    return failures;
  }
}
