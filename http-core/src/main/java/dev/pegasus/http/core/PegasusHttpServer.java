package dev.pegasus.http.core;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.core.internal.HostContributions;
import dev.pegasus.http.core.internal.ProcessMetrics;
import dev.pegasus.http.core.internal.ProviderClassLoader;
import dev.pegasus.http.core.internal.RequestDispatcher;
import dev.pegasus.http.core.internal.ServerComponent;
import dev.pegasus.http.core.internal.ServerResources;
import dev.pegasus.http.core.internal.ServerRuntime;
import dev.pegasus.http.core.internal.ServiceRegistryContext;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpFilter;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.ScopedFilter;
import dev.pegasus.http.core.spi.StartedServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pegasus-http server for one role: the built-in endpoints plus every endpoint that the
 * {@link dev.pegasus.http.core.spi.EndpointProvider}s on the class path contribute for the
 * services the host registers.
 *
 * <pre>{@code
 * try (PegasusHttpServer server = PegasusHttpServer.builder()
 *     .role("meta").host("127.0.0.1").port(34601)
 *     .service(MetaState.class, state)
 *     .build()
 *     .start()) {
 *   System.out.println("serving on " + server.url());
 * }
 * }</pre>
 *
 * <p>Every instance has its own counters, endpoints and threads; several can run in one JVM.
 *
 * <p>Undertow and XNIO log through JBoss Logging; loading this class routes JBoss Logging to
 * SLF4J (the system property {@value #JBOSS_LOGGING_PROVIDER} set to {@code slf4j}, unless the
 * host set it), so that a server writes one log. http-core also lists JBoss Logging's SLF4J
 * provider in {@code META-INF/services/org.jboss.logging.LoggerProvider}, which holds even when
 * JBoss Logging was initialised before this class.
 */
public final class PegasusHttpServer implements AutoCloseable {

  /** The system property JBoss Logging reads to choose its backend. */
  public static final String JBOSS_LOGGING_PROVIDER = "org.jboss.logging.provider";

  static {
    // Without it JBoss Logging 3.6 picks SLF4J only beside Logback, and falls back to
    // java.util.logging: XNIO's "XNIO version" line would go to stderr in JUL's format.
    if (System.getProperty(JBOSS_LOGGING_PROVIDER) == null) {
      System.setProperty(JBOSS_LOGGING_PROVIDER, "slf4j");
    }
  }

  private static final Logger log = LoggerFactory.getLogger(PegasusHttpServer.class);

  /** The missing host version is a property of the process's build: said once, not per server. */
  private static final AtomicBoolean warnedAboutVersion = new AtomicBoolean();

  private final ServerConfig config;
  private final PerfCounters counters;
  private final MetricRegistry metrics;
  private final Flags flags;
  private final ServerRuntime runtime;
  private final ServerResources resources;
  private final RequestDispatcher dispatcher;

  private PegasusHttpServer(
      ServerConfig config,
      PerfCounters counters,
      MetricRegistry metrics,
      Flags flags,
      ServerRuntime runtime,
      ServerResources resources,
      RequestDispatcher dispatcher) {
    this.flags = flags;
    this.config = config;
    this.counters = counters;
    this.metrics = metrics;
    this.runtime = runtime;
    this.resources = resources;
    this.dispatcher = dispatcher;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving, then runs the providers' start hooks. When either fails,
   * the server stops and what the providers contributed to close is closed before the error
   * leaves.
   *
   * @throws java.io.UncheckedIOException when the port cannot be bound, with the message {@code
   *     could not listen on <host>:<port>: <reason>} and the {@link java.net.BindException} as cause
   */
  public PegasusHttpServer start() {
    try {
      runtime.start();
      resources.started(new Started());
    } catch (RuntimeException | Error e) {
      try {
        runtime.stop();
      } finally {
        resources.closeAll();
      }
      throw e;
    }
    return this;
  }

  /** What start hooks see of this server. */
  private final class Started implements StartedServer {
    @Override
    public String role() {
      return config.role();
    }

    @Override
    public InetSocketAddress boundAddress() {
      return runtime.boundAddress();
    }

    @Override
    public String advertisedAddress() {
      return advertisedHostPort();
    }

    @Override
    public String scheme() {
      return PegasusHttpServer.this.scheme();
    }
  }

  /**
   * {@code host:port} others reach this server at: the advertised host (the configured host unless
   * {@link ServerConfig.Builder#advertisedHost} says otherwise) and the bound port.
   */
  public String advertisedHostPort() {
    String host = config.advertisedHost();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port();
  }

  /** The bound port (the ephemeral one when configured with 0). */
  public int port() {
    return runtime.boundAddress().getPort();
  }

  /** {@code http://host:port} ({@code https://} with TLS), without a trailing slash. */
  public String url() {
    String host = runtime.boundAddress().getHostString();
    return scheme() + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port();
  }

  /** {@code https} when the server serves TLS ({@link ServerConfig#tls()}), {@code http} otherwise. */
  public String scheme() {
    return runtime.scheme();
  }

  public ServerConfig config() {
    return config;
  }

  public String role() {
    return config.role();
  }

  /** This server's configuration flags, to define, read and change them. */
  public Flags flags() {
    return flags;
  }

  /** This server's Pegasus 2.0 perf counters, to register and update them. */
  public PerfCounters counters() {
    return counters;
  }

  /** This server's metrics registry (Pegasus master's entities and metrics, {@code /metrics}). */
  public MetricRegistry metrics() {
    return metrics;
  }

  /** The specs of the endpoints this server serves, in path order. */
  public ImmutableList<EndpointSpec> endpoints() {
    return runtime.specs();
  }

  public boolean isRunning() {
    return runtime.isRunning();
  }

  /**
   * Serves one request inside this process, without a socket, for tests (the {@code InProcess}
   * calls of {@code pegasus-http-testing}) and tools: routing, the method, parameter binding, the
   * body limit, the endpoint's filter chain and the error mapping are exactly those a request from
   * the network goes through, on the calling thread. Only what needs a socket is left out: the
   * connection cap, the HTTP version, Undertow's own parsing of the request line, body timeouts
   * and chunked decoding, 100 Continue and {@code Connection: close}. It works on a built server
   * that is not started too, but the providers' start hooks run only in {@link #start()}.
   *
   * <p>The request counts as TLS when the server serves TLS; it carries no client certificate.
   *
   * @param method the method as sent, e.g. {@code GET}
   * @param target the request target as sent, {@code /path?query}, not decoded
   * @param headers the request headers (names case-insensitive), as a client would send them: a
   *     body needs its {@code Content-Length}, a cross-site check its {@code Host}
   * @param body the body bytes, empty for none
   * @param client the client's address, which the access policy sees (loopback is trusted unless
   *     {@link ServerConfig#trustLoopback()} is false)
   * @return the response as it is written to the wire: its {@link HttpResponse#headers()} are all
   *     the headers sent ({@code Content-Type}, {@code X-Content-Type-Options} and {@code
   *     Content-Length} included), and its body is empty for HEAD
   */
  public HttpResponse serveInProcess(
      String method,
      String target,
      Map<String, ? extends List<String>> headers,
      byte[] body,
      InetSocketAddress client) {
    return dispatcher.serveInProcess(
        method, target, headers, body, client, config.tls().isPresent());
  }

  /**
   * Stops gracefully: in-flight requests get up to the shutdown timeout to finish; then closes what
   * the providers contributed to close, in reverse order. Safe to call twice, and on a server that
   * never started.
   */
  @Override
  public void close() {
    try {
      runtime.stop();
    } finally {
      resources.closeAll();
    }
  }

  /** Builds a {@link PegasusHttpServer}; endpoints are discovered in {@link #build()}. */
  public static final class Builder {
    private ServerConfig.Builder config = ServerConfig.builder();
    private final Map<Class<?>, Object> services = new LinkedHashMap<>();
    private PerfCounters counters;
    private MetricRegistry metrics;
    private Flags flags;
    private Path configFile;
    private boolean configFileShared;
    private final List<String[]> flagValues = new ArrayList<>();
    private ClassLoader providerClassLoader;
    private final ImmutableList.Builder<EndpointProvider> providers = ImmutableList.builder();
    private final ImmutableList.Builder<HttpEndpoint> endpoints = ImmutableList.builder();
    private final ImmutableList.Builder<ScopedFilter> filters = ImmutableList.builder();
    private final ImmutableList.Builder<HttpEndpoint> replacements = ImmutableList.builder();

    private Builder() {}

    /** Starts from a whole configuration; later calls on this builder change it. */
    public Builder config(ServerConfig base) {
      this.config = base.toBuilder();
      return this;
    }

    /** Changes any other setting of the configuration. */
    public Builder configure(Consumer<ServerConfig.Builder> change) {
      change.accept(config);
      return this;
    }

    public Builder role(String role) {
      config.role(role);
      return this;
    }

    public Builder host(String host) {
      config.host(host);
      return this;
    }

    /** The port to listen on; 0 for an ephemeral one. */
    public Builder port(int port) {
      config.port(port);
      return this;
    }

    /** Offers a service to the endpoint providers, found by its type. */
    public <T> Builder service(Class<T> type, T instance) {
      checkArgument(type.isInstance(instance), "%s is not a %s", instance, type.getName());
      checkArgument(type != PerfCounters.class, "use counters(...) to share a PerfCounters");
      checkArgument(type != MetricRegistry.class, "use metrics(...) to share a MetricRegistry");
      checkArgument(type != Flags.class, "use flags(...) to give the server your Flags");
      checkArgument(type != ServerConfig.class, "use config(...) or configure(...) for the ServerConfig");
      services.put(type, instance);
      return this;
    }

    /**
     * The host's version and git commit, for {@code /version} (e.g. {@code version("1.2.3",
     * "abc123")}); the same as {@code configure(c -> c.buildInfo(new BuildInfo(...)))}. Without
     * it the server reads them from the manifest of the JVM's main jar ({@link
     * BuildInfo#fromMainJar}), and failing that reports pegasus-http's own and logs one WARN.
     */
    public Builder version(String version, String gitCommit) {
      return buildInfo(new BuildInfo(version, gitCommit));
    }

    /** What {@code /version} reports; see {@link #version(String, String)}. */
    public Builder buildInfo(BuildInfo info) {
      config.buildInfo(info);
      return this;
    }

    /**
     * Uses this flag set, with the host's own flags defined in it, instead of a new one; the
     * framework and the providers add theirs when the server is built.
     */
    public Builder flags(Flags flags) {
      this.flags = flags;
      return this;
    }

    /**
     * Initial flag values from this Pegasus-style INI file ({@code [section]}, {@code key =
     * value}); an unknown key, a bad value or a failed validator fails {@link #build()} with the
     * file, line and key.
     */
    public Builder configFile(Path file) {
      this.configFile = file;
      this.configFileShared = false;
      return this;
    }

    /**
     * As {@link #configFile}, for one file shared by the servers of a process: this server takes
     * the sections it defines flags in, and leaves the others (an unknown key in one of its own
     * sections is still an error). The host checks that every section is some server's.
     */
    public Builder sharedConfigFile(Path file) {
      this.configFile = file;
      this.configFileShared = true;
      return this;
    }

    /** One initial flag value, applied after the configuration file (an override). */
    public Builder flagValue(String section, String name, String value) {
      flagValues.add(new String[] {section, name, value});
      return this;
    }

    /** Uses this counter registry instead of a new one. */
    public Builder counters(PerfCounters counters) {
      this.counters = counters;
      return this;
    }

    /**
     * Uses this metrics registry instead of a new one (e.g. one the host fills before the server
     * is built). The server adds its {@code server} entity's process and JVM metrics to it.
     */
    public Builder metrics(MetricRegistry metrics) {
      this.metrics = metrics;
      return this;
    }

    /** Finds providers through this class loader instead of the thread's context loader. */
    public Builder providerClassLoader(ClassLoader loader) {
      this.providerClassLoader = loader;
      return this;
    }

    /** Adds an endpoint of the host's own; a path another endpoint has fails the build. */
    public Builder endpoint(HttpEndpoint endpoint) {
      endpoints.add(endpoint);
      return this;
    }

    /**
     * Serves {@code endpoint} instead of the built-in or discovered endpoint on its path (the
     * host's own {@code /version}, say); fails the build when there is none to replace.
     */
    public Builder replaceEndpoint(HttpEndpoint endpoint) {
      replacements.add(endpoint);
      return this;
    }

    /**
     * Adds a filter on the paths matching {@code pathPatterns} ({@code *} matches any run of
     * characters; none for every path), after the providers' filters.
     */
    public Builder filter(String name, HttpFilter filter, String... pathPatterns) {
      filters.add(ScopedFilter.of(name, filter, pathPatterns));
      return this;
    }

    /** Asks this provider too, after those ServiceLoader finds on the class path. */
    public Builder provider(EndpointProvider provider) {
      providers.add(provider);
      return this;
    }

    /**
     * Discovers the endpoints and wires the server.
     *
     * @throws IllegalStateException when two endpoints claim one path, when a provider fails
     *     (the message names it, and for a failing {@code static final SPEC} starts with the
     *     spec's own message), or when a listed provider cannot be loaded (the message names the
     *     services file that lists it)
     */
    public PegasusHttpServer build() {
      ServerConfig built = withHostVersion(config.build());
      PerfCounters registry = counters != null ? counters : new PerfCounters();
      Map<Class<?>, Object> all = new LinkedHashMap<>(services);
      all.put(PerfCounters.class, registry);
      MetricRegistry metricRegistry = metrics != null ? metrics : new MetricRegistry();
      ProcessMetrics.register(metricRegistry.server());
      all.put(MetricRegistry.class, metricRegistry);
      Flags flagSet = flags != null ? flags : new Flags();
      all.put(Flags.class, flagSet);
      // Providers may read the configuration (e.g. to open nothing for paths it disables).
      all.put(ServerConfig.class, built);
      ClassLoader loader = providerClassLoader;
      if (loader == null) {
        loader = Thread.currentThread().getContextClassLoader();
      }
      if (loader == null) {
        loader = PegasusHttpServer.class.getClassLoader();
      }
      ServerComponent component =
          ServerComponent.create(
              built,
              new ServiceRegistryContext(built.role(), all),
              new ProviderClassLoader(loader),
              new HostContributions(
                  providers.build(), endpoints.build(), filters.build(), replacements.build()));
      ServerRuntime runtime = component.runtime(); // providers have defined their flags by now
      try {
        initialiseFlags(flagSet);
      } catch (RuntimeException e) {
        component.resources().closeAll();
        throw e;
      }
      return new PegasusHttpServer(
          built, registry, metricRegistry, flagSet, runtime, component.resources(), component.dispatcher());
    }

    private void initialiseFlags(Flags flagSet) {
      if (configFile != null) {
        IniFile.read(configFile).applyTo(flagSet, configFileShared);
      }
      for (String[] v : flagValues) {
        try {
          flagSet.initialise(v[0], v[1], v[2]);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "flag value [" + v[0] + "] " + v[1] + ": " + e.getMessage(), e);
        }
      }
      flagSet.checkGroups();
    }

    /**
     * The configuration with the main jar's version when the host gave none (its build info is
     * still the framework's default), warning once per JVM when the main jar has none either.
     */
    private static ServerConfig withHostVersion(ServerConfig built) {
      BuildInfo framework = BuildInfo.framework();
      if (!built.buildInfo().equals(framework)) {
        return built;
      }
      ManifestLookup.Result main = ManifestLookup.mainJar();
      Optional<BuildInfo> found = main.info();
      if (found.isPresent()) {
        return built.toBuilder().buildInfo(found.get()).build();
      }
      if (warnedAboutVersion.compareAndSet(false, true)) {
        log.warn(
            "[{}] /version reports pegasus-http's own version {}, not this server's: no version was"
                + " given and {}. Give it with PegasusHttpServer.builder().version(version, commit),"
                + " or build the main jar with Implementation-Version and Git-Commit in its manifest"
                + " (README, \"Embedding a role in your server\")",
            built.role(),
            framework.version(),
            main.problem());
      }
      return built;
    }
  }
}
