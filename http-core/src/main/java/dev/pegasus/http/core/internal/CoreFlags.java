package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.Flag;
import dev.pegasus.http.core.ClusterName;
import dev.pegasus.http.core.Flags;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.ServerConfig;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The framework's own flags, section {@code [pegasus.http]}, with their defaults from the server's
 * configuration: {@code counter_snapshot_period_ms} (how often counters are snapshotted; a change
 * re-arms the timer at once), {@code access_log} (one line per request) and {@code admin_token}
 * (secret: {@code ******} in every body, never set over HTTP; settable in the configuration file).
 */
@Singleton
public final class CoreFlags {

  /** The section of the framework's flags. */
  public static final String SECTION = "pegasus.http";

  private final Flag<Long> counterPeriodMillis;
  private final Flag<Boolean> accessLog;
  private final Flag<String> adminToken;
  private final Flag<Long> entityRetirementDelayMillis;
  private final Flags flags;
  private final ServerConfig config;

  /** The longest {@code entity_retirement_delay_ms} accepted: 7 days. */
  static final long MAX_RETIREMENT_DELAY_MS = java.time.Duration.ofDays(7).toMillis();

  /** The section of the metrics registry's flags, as Pegasus master's {@code [metrics]}. */
  public static final String METRICS_SECTION = "metrics";

  @Inject
  CoreFlags(Flags flags, ServerConfig config, MetricRegistry metrics) {
    flags
        .string(
            ClusterName.SECTION,
            ClusterName.FLAG,
            config.clusterName(),
            "The name of the cluster this server belongs to")
        .define();
    this.flags = flags;
    this.config = config;
    this.entityRetirementDelayMillis =
        flags
            .uint64(
                METRICS_SECTION,
                "entity_retirement_delay_ms",
                metrics.retirementDelay().toMillis(),
                "The retirement delay (ms) for the metric entities which are not used")
            .mutable()
            // Up to a week: a larger delay only keeps dead series, and nanosecond deadlines
            // must not overflow.
            .validator(ms -> ms >= 0 && ms <= MAX_RETIREMENT_DELAY_MS)
            .define();
    this.counterPeriodMillis =
        flags
            .uint32(
                SECTION,
                "counter_snapshot_period_ms",
                Math.max(100, Math.min(0xFFFF_FFFFL, config.counterPeriod().toMillis())),
                "The interval milliseconds of taking a snapshot of every counter (what /perfCounters serves)")
            .mutable()
            .validator(ms -> ms >= 100)
            .define();
    this.accessLog =
        flags
            .bool(SECTION, "access_log", config.accessLog(), "Whether to log one line per HTTP request")
            .mutable()
            .define();
    this.adminToken =
        flags
            .string(SECTION, "admin_token", config.adminToken().orElse(""),
                "The token that admits other clients than loopback to sensitive endpoints; empty for none")
            .secret()
            .validator(CoreFlags::strongEnough)
            .define();
  }

  private static boolean strongEnough(String token) {
    if (token.isEmpty()) {
      return true;
    }
    try {
      ServerConfig.builder().adminToken(token);
      return true;
    } catch (IllegalArgumentException weak) {
      return false;
    }
  }

  /** The admin token now (the configuration's, or the configuration file's), if any. */
  public java.util.Optional<String> adminToken() {
    String token = adminToken.get();
    return token.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(token);
  }

  public Flag<Long> counterPeriodMillis() {
    return counterPeriodMillis;
  }

  /** {@code [metrics] entity_retirement_delay_ms}: how long a retired metric entity stays visible. */
  public Flag<Long> entityRetirementDelayMillis() {
    return entityRetirementDelayMillis;
  }

  /**
   * The cluster's name, {@code [replication] cluster_name} (the configuration's, or the
   * configuration file's), or {@code unknown} when empty, as Pegasus master prints it.
   */
  public String clusterNameOrUnknown() {
    return ClusterName.of(flags, config);
  }

  public Flag<Boolean> accessLog() {
    return accessLog;
  }
}
