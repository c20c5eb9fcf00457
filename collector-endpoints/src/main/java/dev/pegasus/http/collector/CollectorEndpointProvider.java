package dev.pegasus.http.collector;

import dev.pegasus.http.core.Flag;
import dev.pegasus.http.core.Flags;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.spi.Contribution;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;
import java.time.Duration;
import java.util.Optional;

/**
 * Contributes {@code /collector/app_stat} to a server whose host registered a {@link Collector}
 * (as {@link CollectorServer} does), starts the collector's rounds once the server serves and
 * closes the collector with the server; nothing without a {@code Collector}.
 */
public final class CollectorEndpointProvider implements EndpointProvider {

  /** For {@link java.util.ServiceLoader}. */
  public CollectorEndpointProvider() {}

  /** The section of the collector's flags. */
  public static final String SECTION = "pegasus.collector";

  @Override
  public Contribution contribute(EndpointContext context) {
    Optional<Collector> found = context.find(Collector.class);
    if (found.isEmpty()) {
      return Contribution.none("no Collector in this server");
    }
    Collector collector = found.get();
    context.find(MetricRegistry.class).ifPresent(collector::attachMetrics);
    Optional<Runnable> applyFlags = context.find(Flags.class).map(flags -> defineFlags(flags, collector));
    return Contribution.builder()
        .endpoint(new AppStatEndpoint(collector))
        // Rounds publish into this server's counters: start them once it serves, with the values
        // the configuration file gave the flags.
        .onStart(
            started -> {
              applyFlags.ifPresent(Runnable::run);
              collector.start();
            })
        .closeOnStop(collector)
        .build();
  }

  /**
   * The collector's mutable flags, whose changes reach the running collector at once; returns
   * what applies the values given at start-up (only those that differ from the collector's own
   * configuration, which may be finer than whole seconds).
   */
  private static Runnable defineFlags(Flags flags, Collector collector) {
    CollectorConfig config = collector.config();
    long intervalSeconds = Math.max(1, (config.interval().toMillis() + 999) / 1000);
    Flag<Long> interval =
        flags
            .uint32(SECTION, "app_stat_interval_seconds", intervalSeconds,
                "The interval seconds of the collector's rounds (table statistics)")
            .mutable()
            .validator(s -> s >= 1 && s <= 86_400)
            .onChange(s -> collector.reschedule(Duration.ofSeconds(s)))
            .define();
    Flag<Long> concurrency =
        flags
            .uint32(SECTION, "max_concurrent_requests", config.maxConcurrentRequests(),
                "How many replica scrapes and table lookups the collector runs at once")
            .mutable()
            .validator(n -> n >= 1 && n <= 1024)
            .onChange(n -> collector.maxConcurrentRequests(n.intValue()))
            .define();
    Flag<Long> timeout =
        flags
            .uint32(SECTION, "request_timeout_ms", config.requestTimeout().toMillis(),
                "The deadline in milliseconds of one HTTP exchange with a meta or replica server")
            .mutable()
            .validator(ms -> ms >= 100 && ms <= 600_000)
            .onChange(ms -> collector.requestTimeout(Duration.ofMillis(ms)))
            .define();
    return () -> {
      if (interval.get() != intervalSeconds) {
        collector.reschedule(Duration.ofSeconds(interval.get()));
      }
      if (concurrency.get() != config.maxConcurrentRequests()) {
        collector.maxConcurrentRequests(concurrency.get().intValue());
      }
      if (timeout.get() != config.requestTimeout().toMillis()) {
        collector.requestTimeout(Duration.ofMillis(timeout.get()));
      }
    };
  }
}
