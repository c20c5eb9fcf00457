package dev.pegasus.http.core;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.core.internal.PathPattern;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a pegasus-http server is configured with: where it listens, its limits and timeouts,
 * its access policy and what {@code /version} says. Immutable; start from {@link #builder()}.
 *
 * <p>Defaults: port 0 (ephemeral) on 127.0.0.1; request target and header block at most 64 KiB
 * each (414 / 431 beyond), body at most 1 MiB (413 beyond); 10 s to send a request's headers,
 * 60 s for an idle keep-alive connection, 10 min without any traffic on a connection in flight;
 * counters snapshotted every 10 s; sensitive endpoints for loopback clients only.
 */
public final class ServerConfig {

  private final String role;
  private final String clusterName;
  private final String host;
  private final int port;
  private final int maxRequestTargetBytes;
  private final int maxHeaderBytes;
  private final int maxBodyBytes;
  private final Duration requestParseTimeout;
  private final Duration noRequestTimeout;
  private final Duration idleTimeout;
  private final Duration shutdownTimeout;
  private final Duration counterPeriod;
  private final int ioThreads;
  private final int workerThreads;
  private final String adminToken;
  private final boolean sensitiveOpenToAll;
  private final boolean trustLoopback;
  private final ImmutableList<String> disabledPaths;
  private final ImmutableList<PathPattern> disabledPatterns;
  private final BuildInfo buildInfo;
  private final boolean accessLog;
  private final int maxConnections;
  private final int maxConnectionsPerClient;
  private final String advertisedHost;
  private final TlsSettings tls;

  private ServerConfig(Builder b) {
    this.role = b.role;
    this.clusterName = b.clusterName;
    this.host = b.host;
    this.port = b.port;
    this.maxRequestTargetBytes = b.maxRequestTargetBytes;
    this.maxHeaderBytes = b.maxHeaderBytes;
    this.maxBodyBytes = b.maxBodyBytes;
    this.requestParseTimeout = b.requestParseTimeout;
    this.noRequestTimeout = b.noRequestTimeout;
    this.idleTimeout = b.idleTimeout;
    this.shutdownTimeout = b.shutdownTimeout;
    this.counterPeriod = b.counterPeriod;
    this.ioThreads = b.ioThreads;
    this.workerThreads = b.workerThreads;
    this.adminToken = b.adminToken;
    this.sensitiveOpenToAll = b.sensitiveOpenToAll;
    this.trustLoopback = b.trustLoopback;
    this.disabledPaths = ImmutableList.copyOf(b.disabledPaths);
    this.disabledPatterns = disabledPaths.stream().map(PathPattern::new).collect(ImmutableList.toImmutableList());
    this.buildInfo = b.buildInfo == null ? BuildInfo.framework() : b.buildInfo;
    this.accessLog = b.accessLog;
    this.maxConnections = b.maxConnections;
    this.maxConnectionsPerClient = b.maxConnectionsPerClient;
    this.advertisedHost = b.advertisedHost;
    this.tls = b.tls;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration, to change a few settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.role = role;
    b.clusterName = clusterName;
    b.host = host;
    b.port = port;
    b.maxRequestTargetBytes = maxRequestTargetBytes;
    b.maxHeaderBytes = maxHeaderBytes;
    b.maxBodyBytes = maxBodyBytes;
    b.requestParseTimeout = requestParseTimeout;
    b.noRequestTimeout = noRequestTimeout;
    b.idleTimeout = idleTimeout;
    b.shutdownTimeout = shutdownTimeout;
    b.counterPeriod = counterPeriod;
    b.ioThreads = ioThreads;
    b.workerThreads = workerThreads;
    b.adminToken = adminToken;
    b.sensitiveOpenToAll = sensitiveOpenToAll;
    b.trustLoopback = trustLoopback;
    b.disabledPaths = disabledPaths;
    b.buildInfo = buildInfo;
    b.accessLog = accessLog;
    b.maxConnections = maxConnections;
    b.maxConnectionsPerClient = maxConnectionsPerClient;
    b.advertisedHost = advertisedHost;
    b.tls = tls;
    return b;
  }

  /** {@code meta}, {@code replica}, {@code collector}, ...: the app part of counter names. */
  public String role() {
    return role;
  }

  /**
   * The cluster this server belongs to (Pegasus's {@code [replication] cluster_name}), as {@code
   * /metrics} and the Prometheus labels print it; empty when not set.
   */
  public String clusterName() {
    return clusterName;
  }

  public String host() {
    return host;
  }

  /**
   * The host others reach this server at (what a meta joins its election with, what the onebox
   * prints): the configured host unless set, e.g. the machine's address when listening on {@code
   * 0.0.0.0}.
   */
  public String advertisedHost() {
    return advertisedHost != null ? advertisedHost : host;
  }

  /** The configured port; 0 asks for an ephemeral one (see {@code PegasusHttpServer.port()}). */
  public int port() {
    return port;
  }

  public int maxRequestTargetBytes() {
    return maxRequestTargetBytes;
  }

  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  public Duration requestParseTimeout() {
    return requestParseTimeout;
  }

  public Duration noRequestTimeout() {
    return noRequestTimeout;
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  public Duration counterPeriod() {
    return counterPeriod;
  }

  public int ioThreads() {
    return ioThreads;
  }

  public int workerThreads() {
    return workerThreads;
  }

  /** The token that admits any client to sensitive endpoints, as Bearer or Basic password. */
  public Optional<String> adminToken() {
    return Optional.ofNullable(adminToken);
  }

  /** True when sensitive endpoints are served to every client (explicitly opened). */
  public boolean sensitiveOpenToAll() {
    return sensitiveOpenToAll;
  }

  /**
   * True (the default) when loopback clients may call sensitive endpoints without the token;
   * false behind a proxy on the same host, which makes every client look like loopback.
   */
  public boolean trustLoopback() {
    return trustLoopback;
  }

  /** Path patterns of endpoints to disable ({@code *} matches any run of characters). */
  public ImmutableList<String> disabledPaths() {
    return disabledPaths;
  }

  /** True when one of {@link #disabledPaths()} matches {@code path}. */
  public boolean disables(String path) {
    for (PathPattern p : disabledPatterns) {
      if (p.matches(path)) {
        return true;
      }
    }
    return false;
  }

  public BuildInfo buildInfo() {
    return buildInfo;
  }

  /** Whether one access-log line per request goes to the {@code dev.pegasus.http.access} logger. */
  public boolean accessLog() {
    return accessLog;
  }

  /**
   * The most connections this server keeps open at once (1,024 by default); one more is answered
   * {@code 503} and closed. Each takes one file descriptor, so a process needs a descriptor limit
   * above the sum over its servers (see the README's descriptor budget).
   */
  public int maxConnections() {
    return maxConnections;
  }

  /** The most connections one client address may hold open at once; 0 (the default) for no limit. */
  public int maxConnectionsPerClient() {
    return maxConnectionsPerClient;
  }

  /** How the server serves HTTPS; empty for plain HTTP (the default). */
  public Optional<TlsSettings> tls() {
    return Optional.ofNullable(tls);
  }

  /** Builds a {@link ServerConfig}. */
  public static final class Builder {
    private String role = "server";
    private String clusterName = "";
    private String host = "127.0.0.1";
    private int port;
    private int maxRequestTargetBytes = 64 * 1024;
    private int maxHeaderBytes = 64 * 1024;
    private int maxBodyBytes = 1024 * 1024;
    private Duration requestParseTimeout = Duration.ofSeconds(10);
    private Duration noRequestTimeout = Duration.ofSeconds(60);
    private Duration idleTimeout = Duration.ofMinutes(10);
    private Duration shutdownTimeout = Duration.ofSeconds(5);
    private Duration counterPeriod = Duration.ofSeconds(10);
    private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private int workerThreads = 16;
    private String adminToken;
    private boolean sensitiveOpenToAll;
    private boolean trustLoopback = true;
    private List<String> disabledPaths = List.of();
    private BuildInfo buildInfo;
    private boolean accessLog = true;
    private int maxConnections = 1024;
    private int maxConnectionsPerClient;
    private TlsSettings tls;
    private String advertisedHost;

    private Builder() {}

    public Builder role(String role) {
      checkArgument(!role.isEmpty() && role.indexOf('*') < 0, "bad role: \"%s\"", role);
      this.role = role;
      return this;
    }

    /** The cluster's name, e.g. {@code onebox}; empty (the default) means not set. */
    public Builder clusterName(String clusterName) {
      checkArgument(
          clusterName.chars().allMatch(c -> c > ' ' && c < 0x7f),
          "bad cluster name: \"%s\" (printable ASCII without spaces)",
          clusterName);
      this.clusterName = clusterName;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      checkArgument(port >= 0 && port <= 65535, "port out of range: %s", port);
      this.port = port;
      return this;
    }

    public Builder maxRequestTargetBytes(int bytes) {
      checkArgument(bytes >= 256, "request target limit too small: %s", bytes);
      this.maxRequestTargetBytes = bytes;
      return this;
    }

    public Builder maxHeaderBytes(int bytes) {
      checkArgument(bytes >= 1024, "header limit too small: %s", bytes);
      this.maxHeaderBytes = bytes;
      return this;
    }

    public Builder maxBodyBytes(int bytes) {
      checkArgument(bytes >= 0, "negative body limit: %s", bytes);
      this.maxBodyBytes = bytes;
      return this;
    }

    public Builder requestParseTimeout(Duration timeout) {
      this.requestParseTimeout = positive(timeout);
      return this;
    }

    public Builder noRequestTimeout(Duration timeout) {
      this.noRequestTimeout = positive(timeout);
      return this;
    }

    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive(timeout);
      return this;
    }

    public Builder shutdownTimeout(Duration timeout) {
      this.shutdownTimeout = positive(timeout);
      return this;
    }

    public Builder counterPeriod(Duration period) {
      this.counterPeriod = positive(period);
      return this;
    }

    public Builder ioThreads(int threads) {
      checkArgument(threads >= 1, "ioThreads must be >= 1");
      this.ioThreads = threads;
      return this;
    }

    public Builder workerThreads(int threads) {
      checkArgument(threads >= 1, "workerThreads must be >= 1");
      this.workerThreads = threads;
      return this;
    }

    /**
     * Admits any client that presents this token to sensitive endpoints; null for none. A token
     * has at least 16 characters that are not blank, no control characters, and no blank at
     * either end (a header value loses those, so such a token could never be presented). The
     * message of a refusal never quotes the token.
     */
    public Builder adminToken(String token) {
      if (token != null) {
        checkArgument(
            token.chars().noneMatch(c -> Character.isISOControl(c)),
            "an admin token may not contain control characters (is there a line break in its file?)");
        checkArgument(
            token.strip().equals(token), "an admin token may not start or end with whitespace");
        checkArgument(
            token.chars().filter(c -> !Character.isWhitespace(c)).count() >= 16,
            "an admin token needs at least 16 non-blank characters");
      }
      this.adminToken = token;
      return this;
    }

    /** See {@link ServerConfig#advertisedHost()}; null for the configured host. */
    public Builder advertisedHost(String host) {
      checkArgument(host == null || !host.isBlank(), "an advertised host may not be blank");
      this.advertisedHost = host;
      return this;
    }

    /** See {@link ServerConfig#maxConnections()}. */
    public Builder maxConnections(int connections) {
      checkArgument(connections >= 1, "maxConnections must be >= 1: %s", connections);
      this.maxConnections = connections;
      return this;
    }

    /** See {@link ServerConfig#maxConnectionsPerClient()}; 0 for no limit. */
    public Builder maxConnectionsPerClient(int connections) {
      checkArgument(connections >= 0, "maxConnectionsPerClient must be >= 0: %s", connections);
      this.maxConnectionsPerClient = connections;
      return this;
    }

    /** Serves sensitive endpoints to every client; only for trusted networks. */
    public Builder sensitiveOpenToAll(boolean open) {
      this.sensitiveOpenToAll = open;
      return this;
    }

    /** Whether loopback clients may call sensitive endpoints without the token (true by default). */
    public Builder trustLoopback(boolean trust) {
      this.trustLoopback = trust;
      return this;
    }

    /** Disables the endpoints whose path matches one of these patterns, e.g. {@code /pprof/*}. */
    public Builder disabledPaths(List<String> patterns) {
      for (String p : patterns) {
        checkArgument(p.startsWith("/"), "a path pattern starts with /: \"%s\"", p);
      }
      this.disabledPaths = List.copyOf(patterns);
      return this;
    }

    public Builder buildInfo(BuildInfo buildInfo) {
      this.buildInfo = buildInfo;
      return this;
    }

    public Builder accessLog(boolean enabled) {
      this.accessLog = enabled;
      return this;
    }

    /** Serves HTTPS only, with these certificate files; null for plain HTTP. */
    public Builder tls(TlsSettings settings) {
      this.tls = settings;
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(this);
    }

    private static Duration positive(Duration d) {
      checkArgument(!d.isNegative() && !d.isZero(), "duration must be positive: %s", d);
      return d;
    }
  }
}
