package dev.pegasus.http.core.spi;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an endpoint serves: its path, a one-line summary for the help page, its declared query
 * parameters, the methods it accepts, whether it is sensitive (served to loopback clients or
 * admin-token holders only), whether it may run on an I/O thread, and how its errors are written.
 *
 * <pre>{@code
 * EndpointSpec.builder("/meta/app")
 *     .summary("Query app info.")
 *     .parameter(Parameter.string("name", "app_name").required())
 *     .parameter(Parameter.flag("detail"))
 *     .build();
 * }</pre>
 */
public final class EndpointSpec {

  private final String path;
  private final String summary;
  private final ImmutableList<Parameter> parameters;
  private final ImmutableMap<String, Parameter> parametersByName;
  private final Set<HttpMethod> methods;
  private final boolean sensitive;
  private final boolean nonBlocking;
  private final boolean acceptsBody;
  private final boolean ignoresUndeclaredParameters;
  private final ErrorStyle errorStyle;
  private final boolean changesState;
  private final Class<?> jsonBodyType;
  private final JsonBodyMessages jsonBodyMessages;
  private final String usage;
  private final java.util.function.Predicate<String> secretParameters;

  private static final java.util.regex.Pattern SECRET_NAME =
      java.util.regex.Pattern.compile("(?i).*(token|password|passwd|secret|credential).*");

  private EndpointSpec(Builder b) {
    this.path = b.path;
    this.summary = b.summary;
    this.parameters = b.parameters.build();
    this.parametersByName = Maps.uniqueIndex(parameters, Parameter::name);
    this.methods = Sets.immutableEnumSet(b.methods);
    this.sensitive = b.sensitive;
    this.nonBlocking = b.nonBlocking;
    this.acceptsBody = b.acceptsBody;
    this.ignoresUndeclaredParameters = b.ignoresUndeclaredParameters;
    this.errorStyle = b.errorStyle;
    this.changesState = b.changesState;
    this.jsonBodyType = b.jsonBodyType;
    this.jsonBodyMessages = b.jsonBodyMessages;
    this.usage = b.usage;
    this.secretParameters = b.secretParameters;
  }

  /** Starts a spec for an absolute path such as {@code /meta/app}. */
  public static Builder builder(String path) {
    return new Builder(path);
  }

  /** The normalised absolute path: starts with {@code /}, no empty segment, no trailing slash. */
  public String path() {
    return path;
  }

  /** The one-line summary shown on the help page. */
  public String summary() {
    return summary;
  }

  /** The declared query parameters, in declaration order. */
  public ImmutableList<Parameter> parameters() {
    return parameters;
  }

  /** The declared parameter with this name, if any. */
  public Optional<Parameter> parameter(String name) {
    return Optional.ofNullable(parametersByName.get(name));
  }

  /**
   * The declared parameter with this name; an {@link IllegalArgumentException} naming it and
   * the declared ones otherwise, for handlers that read a name their spec does not declare (a
   * programming error, never the client's).
   */
  public Parameter declared(String name) {
    Parameter p = parametersByName.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "parameter \"" + name + "\" is not declared by the spec of " + path + "; declared: "
              + acceptedParameterNames());
    }
    return p;
  }

  /** The accepted methods; HEAD is accepted wherever GET is. */
  public Set<HttpMethod> methods() {
    return methods;
  }

  public boolean isSensitive() {
    return sensitive;
  }

  /** True when the handler is cheap and never blocks, so it may run on an I/O thread. */
  public boolean isNonBlocking() {
    return nonBlocking;
  }

  /**
   * True when the handler reads a request body; any other endpoint never waits for one (the
   * framework does not read it, so a client that announces a body and sends none pins nothing).
   */
  public boolean acceptsBody() {
    return acceptsBody;
  }

  /** True when undeclared query parameters are ignored instead of being a 400. */
  public boolean ignoresUndeclaredParameters() {
    return ignoresUndeclaredParameters;
  }

  public ErrorStyle errorStyle() {
    return errorStyle;
  }

  /**
   * True for a write operation: it changes state. Writes are sensitive, POST only unless {@link
   * Builder#allowGet()}, refused to browsers' cross-site requests and audited.
   */
  public boolean changesState() {
    return changesState;
  }

  /** The record a JSON body is decoded into before the handler runs, when the spec declares one. */
  public Optional<Class<?>> jsonBodyType() {
    return Optional.ofNullable(jsonBodyType);
  }

  /**
   * True when the value of parameter {@code name} must not be logged: a name that says token,
   * password, passwd, secret or credential, or one the spec marks ({@link
   * Builder#secretParameters}). The audit and access logs show such values as {@code ******}.
   */
  public boolean isSecretParameter(String name) {
    return looksSecret(name) || secretParameters.test(name);
  }

  /** True for a parameter name that says token, password, passwd, secret or credential. */
  public static boolean looksSecret(String name) {
    return SECRET_NAME.matcher(name).matches();
  }

  /** How a JSON body's decoding errors are worded (the framework's words by default). */
  public JsonBodyMessages jsonBodyMessages() {
    return jsonBodyMessages;
  }

  /**
   * The help-page text: {@code "<params>. <summary>"}, e.g. {@code name=<app_name>[&detail]. Query
   * app info.}, or only the summary when there are no parameters.
   */
  public String helpText() {
    if (usage != null) {
      return usage + ". " + summary;
    }
    if (parameters.isEmpty()) {
      return summary;
    }
    StringBuilder usage = new StringBuilder();
    for (Parameter p : parameters) {
      String separator = usage.length() == 0 ? "" : "&";
      if (p.isRequired()) {
        usage.append(separator).append(p.usage());
      } else {
        usage.append('[').append(separator).append(p.usage()).append(']');
      }
    }
    return usage + ". " + summary;
  }

  /** The accepted parameter names, comma-separated, for error messages. */
  public String acceptedParameterNames() {
    return parameters.isEmpty()
        ? "none"
        : parameters.stream().map(Parameter::name).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return path;
  }

  /** Builds an {@link EndpointSpec}. */
  public static final class Builder {
    private final String path;
    private String summary = "";
    private final ImmutableList.Builder<Parameter> parameters = ImmutableList.builder();
    private final Set<String> names = new HashSet<>();
    private final EnumSet<HttpMethod> methods = EnumSet.allOf(HttpMethod.class);
    private boolean sensitive;
    private boolean nonBlocking;
    private boolean acceptsBody;
    private boolean ignoresUndeclaredParameters;
    private ErrorStyle errorStyle = ErrorStyle.json();
    private boolean changesState;
    private boolean allowGet;
    private boolean methodsSet;
    private Class<?> jsonBodyType;
    private JsonBodyMessages jsonBodyMessages = JsonBodyMessages.DEFAULT;
    private String usage;
    private java.util.function.Predicate<String> secretParameters = name -> false;

    private Builder(String path) {
      checkArgument(isNormalisedPath(path), "not a normalised absolute path: \"%s\"", path);
      this.path = path;
    }

    private static boolean isNormalisedPath(String path) {
      return path.equals("/")
          || (path.startsWith("/") && !path.endsWith("/") && !path.contains("//"));
    }

    public Builder summary(String summary) {
      this.summary = summary;
      return this;
    }

    /** Declares a query parameter; the help text lists them in declaration order. */
    public Builder parameter(Parameter parameter) {
      checkArgument(names.add(parameter.name()), "parameter %s declared twice", parameter.name());
      parameters.add(parameter);
      return this;
    }

    /** Declares these parameters in order. */
    public Builder parameters(List<Parameter> parameters) {
      parameters.forEach(this::parameter);
      return this;
    }

    /** Restricts the methods; HEAD is added whenever GET is present. */
    public Builder methods(HttpMethod... accepted) {
      methodsSet = true;
      methods.clear();
      for (HttpMethod m : accepted) {
        methods.add(m);
      }
      if (methods.contains(HttpMethod.GET)) {
        methods.add(HttpMethod.HEAD);
      }
      checkState(!methods.isEmpty(), "an endpoint needs at least one method");
      return this;
    }

    /** Marks the endpoint as sensitive: loopback clients or admin-token holders only. */
    public Builder sensitive() {
      this.sensitive = true;
      return this;
    }

    /** Declares the handler cheap and non-blocking, so that it may run on an I/O thread. */
    public Builder nonBlocking() {
      this.nonBlocking = true;
      return this;
    }

    /**
     * Declares that the handler reads the request body (up to the server's limit); the framework
     * receives it without holding a thread, within the request timeout, before the handler runs.
     */
    public Builder acceptsBody() {
      this.acceptsBody = true;
      return this;
    }

    /**
     * Ignores undeclared query parameters instead of answering 400, for endpoints that Pegasus
     * serves whatever the query (the help page, {@code /version}): monitoring probes add
     * cache-busting parameters.
     */
    public Builder ignoresUndeclaredParameters() {
      this.ignoresUndeclaredParameters = true;
      return this;
    }

    public Builder errorStyle(ErrorStyle style) {
      this.errorStyle = style;
      return this;
    }

    /**
     * Declares a write operation: sensitive (loopback, the admin token or a verified client
     * certificate), served for POST only (see {@link #allowGet()}), refused with a 403 when a
     * browser signals a cross-site request ({@code Sec-Fetch-Site}, {@code Origin}), and every
     * call written to the {@code dev.pegasus.http.audit} log.
     */
    public Builder changesState() {
      this.changesState = true;
      this.sensitive = true;
      return this;
    }

    /**
     * Also serves a write operation for GET, for Pegasus clients that send one (admin-cli's
     * {@code GET /updateConfig?k=v}); the cross-site checks still apply.
     */
    public Builder allowGet() {
      this.allowGet = true;
      return this;
    }

    /**
     * Declares a JSON body decoded strictly into {@code type} (a record) before the handler runs:
     * unknown fields, wrong types (no {@code "0"} for an int, no {@code 1.0} for an int), missing
     * fields, duplicate keys, trailing data and an empty body are 400s that name the field and
     * the problem. The handler reads it with {@link HttpRequest#jsonBody(Class)}.
     */
    public Builder jsonBody(Class<?> type) {
      checkArgument(type.isRecord(), "a JSON body is decoded into a record, not %s", type.getName());
      this.jsonBodyType = type;
      this.acceptsBody = true;
      return this;
    }

    /**
     * The parameters part of the help text, for an endpoint whose parameters cannot be declared
     * one by one ({@code /updateConfig}'s {@code <key>=<new_value>}).
     */
    public Builder usage(String usage) {
      this.usage = usage;
      return this;
    }

    /** Marks more parameters whose values the logs must mask, beyond the names that say so. */
    public Builder secretParameters(java.util.function.Predicate<String> names) {
      this.secretParameters = java.util.Objects.requireNonNull(names);
      return this;
    }

    /** {@link #jsonBody(Class)} with an endpoint's own wording of the errors (Pegasus's texts). */
    public Builder jsonBody(Class<?> type, JsonBodyMessages messages) {
      jsonBody(type);
      this.jsonBodyMessages = messages;
      return this;
    }

    public EndpointSpec build() {
      checkState(!summary.isEmpty(), "endpoint %s needs a summary for the help page", path);
      checkState(!allowGet || changesState, "allowGet() is for write operations (%s)", path);
      if (changesState && !methodsSet) {
        methods.clear();
        methods.add(HttpMethod.POST);
        if (allowGet) {
          methods.add(HttpMethod.GET);
        }
      }
      return new EndpointSpec(this);
    }
  }
}
