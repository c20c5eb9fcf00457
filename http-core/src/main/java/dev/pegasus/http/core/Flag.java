package dev.pegasus.http.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One configuration flag of one server: its section, name, type, description, default, whether
 * {@code /updateConfig} may change it at run time ({@link #isMutable()}), whether its value is a
 * secret ({@code ******} wherever it is shown), a validator, and the listeners that apply a change.
 * Read it with {@link #get()}; values change only through {@link Flags} (the INI file at start,
 * {@code /updateConfig} later). Integers are {@code Long}s (uint64 as unsigned).
 *
 * @param <T> {@code Boolean}, {@code Long}, {@code Double} or {@code String}
 */
public final class Flag<T> {

  private final String section;
  private final String name;
  private final FlagType type;
  private final String description;
  private final T defaultValue;
  private final boolean mutable;
  private final boolean secret;
  private final Predicate<T> validator;
  private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
  private volatile T value;

  private Flag(Definition<T> d) {
    this.section = d.section;
    this.name = d.name;
    this.type = d.type;
    this.description = d.description;
    this.defaultValue = d.defaultValue;
    this.mutable = d.mutable;
    this.secret = d.secret;
    this.validator = d.validator;
    this.listeners.addAll(d.listeners);
    this.value = d.defaultValue;
  }

  public String section() {
    return section;
  }

  public String name() {
    return name;
  }

  public FlagType type() {
    return type;
  }

  public String description() {
    return description;
  }

  public T defaultValue() {
    return defaultValue;
  }

  /** True when {@code /updateConfig} may change it (Pegasus's {@code FT_MUTABLE} tag). */
  public boolean isMutable() {
    return mutable;
  }

  /** True for a secret (the admin token, a password): shown as {@code ******}, never set over HTTP. */
  public boolean isSecret() {
    return secret;
  }

  /** The current value; a volatile read. */
  public T get() {
    return value;
  }

  /** Runs {@code listener} with every later change of the value, once per change, in order. */
  public Flag<T> onChange(Consumer<T> listener) {
    listeners.add(requireNonNull(listener));
    return this;
  }

  /** The value as {@code /config} prints it ({@code ******} for a secret). */
  public String printedValue() {
    return secret ? "******" : FlagValues.print(type, value);
  }

  boolean accepts(Object candidate) {
    @SuppressWarnings("unchecked")
    T typed = (T) candidate;
    return validator.test(typed);
  }

  @SuppressWarnings("unchecked")
  void set(Object newValue) {
    this.value = (T) newValue;
  }

  void notifyListeners() {
    T now = value;
    for (Consumer<T> listener : listeners) {
      listener.accept(now);
    }
  }

  /** The definition of a flag, given to {@link Flags}; see its {@code bool}, {@code uint32}, ... */
  public static final class Definition<T> {
    private final FlagType type;
    private final String section;
    private final String name;
    private final T defaultValue;
    private final String description;
    private boolean mutable;
    private boolean secret;
    private Predicate<T> validator = v -> true;
    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
    private final Flags owner;

    Definition(FlagType type, String section, String name, T defaultValue, String description, Flags owner) {
      checkArgument(!section.isBlank() && !name.isBlank(), "a flag needs a section and a name");
      checkArgument(
          name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-'),
          "flag name \"%s\": letters, digits, _ . - only", name);
      this.type = type;
      this.section = section;
      this.name = name;
      this.defaultValue = requireNonNull(defaultValue, "default");
      this.description = description;
      this.owner = owner;
    }

    /** {@code /updateConfig} may change it. */
    public Definition<T> mutable() {
      this.mutable = true;
      return this;
    }

    /** Its value is a secret: {@code ******} in every body and log, never set over HTTP. */
    public Definition<T> secret() {
      this.secret = true;
      return this;
    }

    /** A check of each new value; a value that fails is refused and the old one kept. */
    public Definition<T> validator(Predicate<T> check) {
      this.validator = requireNonNull(check);
      return this;
    }

    /** Runs with every change after start-up. */
    public Definition<T> onChange(Consumer<T> listener) {
      listeners.add(requireNonNull(listener));
      return this;
    }

    /** Adds the flag to its server's {@link Flags} and returns it. */
    public Flag<T> define() {
      checkArgument(validator.test(defaultValue), "the default of flag %s fails its validator", name);
      Flag<T> flag = new Flag<>(this);
      owner.add(flag);
      return flag;
    }
  }
}
