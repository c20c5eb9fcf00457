package dev.pegasus.http.collector;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import dev.pegasus.http.core.TlsClientSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a {@link Collector} runs. Defaults follow Pegasus 2.0 where it had a setting: a round
 * every 10 s ({@code app_stat_interval_seconds}), 5 s per request (its remote-command timeout).
 *
 * <pre>{@code
 * CollectorConfig config = CollectorConfig.builder()
 *     .metaServers("127.0.0.1:34601,127.0.0.1:34602,127.0.0.1:34603")
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>{@code metaServers}: {@code host:port} of every meta server (required);
 *   <li>{@code interval}: time between the starts of two rounds (10 s);
 *   <li>{@code firstRoundDelay}: time from {@link Collector#start()} to the first round (0);
 *   <li>{@code requestTimeout}: deadline of one HTTP exchange with a meta or replica server, body
 *       included (5 s);
 *   <li>{@code maxConcurrentRequests}: replica scrapes and table lookups in flight at once (16);
 *   <li>{@code scrapePrefix}: the counter-name prefix read from each replica server ({@code
 *       replica*}, which covers the {@code app.pegasus} and {@code eon.replica} sections);
 *   <li>{@code counterApp}: the app part of the published counters' names ({@code collector});
 *   <li>{@code tls}: speak HTTPS to every meta and replica server, trusting these CAs and
 *       optionally presenting a client certificate (none: plain HTTP).
 * </ul>
 */
public final class CollectorConfig {

  private final ImmutableList<String> metaServers;
  private final Duration interval;
  private final Duration firstRoundDelay;
  private final Duration requestTimeout;
  private final int maxConcurrentRequests;
  private final String scrapePrefix;
  private final String counterApp;
  private final TlsClientSettings tls;

  private CollectorConfig(Builder b) {
    this.metaServers = b.metaServers;
    this.interval = b.interval;
    this.firstRoundDelay = b.firstRoundDelay;
    this.requestTimeout = b.requestTimeout;
    this.maxConcurrentRequests = b.maxConcurrentRequests;
    this.scrapePrefix = b.scrapePrefix;
    this.counterApp = b.counterApp;
    this.tls = b.tls;
  }

  public static Builder builder() {
    return new Builder();
  }

  public ImmutableList<String> metaServers() {
    return metaServers;
  }

  public Duration interval() {
    return interval;
  }

  public Duration firstRoundDelay() {
    return firstRoundDelay;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  public String scrapePrefix() {
    return scrapePrefix;
  }

  public String counterApp() {
    return counterApp;
  }

  /** How the collector speaks HTTPS to the cluster; empty for plain HTTP. */
  public Optional<TlsClientSettings> tls() {
    return Optional.ofNullable(tls);
  }

  /** Builds a {@link CollectorConfig}. */
  public static final class Builder {
    private ImmutableList<String> metaServers = ImmutableList.of();
    private Duration interval = Duration.ofSeconds(10);
    private Duration firstRoundDelay = Duration.ZERO;
    private Duration requestTimeout = Duration.ofSeconds(5);
    private int maxConcurrentRequests = 16;
    private String scrapePrefix = "replica*";
    private String counterApp = "collector";
    private TlsClientSettings tls;

    private Builder() {}

    /** The meta servers as {@code host:port} addresses. */
    public Builder metaServers(List<String> addresses) {
      for (String a : addresses) {
        checkArgument(isHostPort(a), "not a host:port meta server address: \"%s\"", a);
      }
      this.metaServers = ImmutableList.copyOf(addresses);
      return this;
    }

    /** The meta servers as Pegasus writes them: {@code host:port,host:port,...}. */
    public Builder metaServers(String commaSeparated) {
      return metaServers(Splitter.on(',').trimResults().omitEmptyStrings().splitToList(commaSeparated));
    }

    public Builder interval(Duration interval) {
      this.interval = positive(interval);
      return this;
    }

    public Builder firstRoundDelay(Duration delay) {
      checkArgument(!delay.isNegative(), "negative first-round delay: %s", delay);
      this.firstRoundDelay = delay;
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout);
      return this;
    }

    public Builder maxConcurrentRequests(int max) {
      checkArgument(max >= 1, "maxConcurrentRequests must be >= 1: %s", max);
      this.maxConcurrentRequests = max;
      return this;
    }

    public Builder scrapePrefix(String prefix) {
      this.scrapePrefix = prefix;
      return this;
    }

    public Builder counterApp(String app) {
      checkArgument(!app.isEmpty() && app.indexOf('*') < 0, "bad counter app: \"%s\"", app);
      this.counterApp = app;
      return this;
    }

    /** Scrapes over HTTPS with these CAs (and client certificate); null for plain HTTP. */
    public Builder tls(TlsClientSettings settings) {
      this.tls = settings;
      return this;
    }

    public CollectorConfig build() {
      checkArgument(!metaServers.isEmpty(), "a collector needs at least one meta server");
      return new CollectorConfig(this);
    }

    private static boolean isHostPort(String address) {
      try {
        URI u = URI.create("http://" + address + "/");
        return u.getHost() != null && u.getPort() > 0 && address.equals(u.getRawAuthority());
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    private static Duration positive(Duration d) {
      checkArgument(!d.isNegative() && !d.isZero(), "duration must be positive: %s", d);
      return d;
    }
  }
}
