package dev.pegasus.http.core;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.core.internal.ProviderClassLoader;
import dev.pegasus.http.core.internal.ServerComponent;
import dev.pegasus.http.core.internal.ServerRuntime;
import dev.pegasus.http.core.internal.ServiceRegistryContext;
import dev.pegasus.http.core.spi.EndpointSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

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
 */
public final class PegasusHttpServer implements AutoCloseable {

  private final ServerConfig config;
  private final PerfCounters counters;
  private final ServerRuntime runtime;

  private PegasusHttpServer(ServerConfig config, PerfCounters counters, ServerRuntime runtime) {
    this.config = config;
    this.counters = counters;
    this.runtime = runtime;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving.
   *
   * @throws java.io.UncheckedIOException when the port cannot be bound, with the message {@code
   *     could not listen on <host>:<port>: <reason>} and the {@link java.net.BindException} as cause
   */
  public PegasusHttpServer start() {
    runtime.start();
    return this;
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

  /** This server's counters, to register and update them. */
  public PerfCounters counters() {
    return counters;
  }

  /** The specs of the endpoints this server serves, in path order. */
  public ImmutableList<EndpointSpec> endpoints() {
    return runtime.specs();
  }

  public boolean isRunning() {
    return runtime.isRunning();
  }

  /** Stops gracefully: in-flight requests get up to the shutdown timeout to finish. */
  @Override
  public void close() {
    runtime.stop();
  }

  /** Builds a {@link PegasusHttpServer}; endpoints are discovered in {@link #build()}. */
  public static final class Builder {
    private ServerConfig.Builder config = ServerConfig.builder();
    private final Map<Class<?>, Object> services = new LinkedHashMap<>();
    private PerfCounters counters;
    private ClassLoader providerClassLoader;

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
      services.put(type, instance);
      return this;
    }

    /** Uses this counter registry instead of a new one. */
    public Builder counters(PerfCounters counters) {
      this.counters = counters;
      return this;
    }

    /** Finds providers through this class loader instead of the thread's context loader. */
    public Builder providerClassLoader(ClassLoader loader) {
      this.providerClassLoader = loader;
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
      ServerConfig built = config.build();
      PerfCounters registry = counters != null ? counters : new PerfCounters();
      Map<Class<?>, Object> all = new LinkedHashMap<>(services);
      all.put(PerfCounters.class, registry);
      ClassLoader loader = providerClassLoader;
      if (loader == null) {
        loader = Thread.currentThread().getContextClassLoader();
      }
      if (loader == null) {
        loader = PegasusHttpServer.class.getClassLoader();
      }
      ServerComponent component =
          ServerComponent.create(
              built, new ServiceRegistryContext(built.role(), all), new ProviderClassLoader(loader));
      return new PegasusHttpServer(built, registry, component.runtime());
    }
  }
}
