package dev.pegasus.http.collector;

import dev.pegasus.http.core.NumberCounter;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.metrics.Counter;
import dev.pegasus.http.core.metrics.Gauge;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.metrics.MetricUnit;
import dev.pegasus.http.core.metrics.Percentile;
import java.time.Duration;

/**
 * The collector's own numbers, as perf counters ({@code collector*app.pegasus*published_rounds},
 * …) and, once {@linkplain #attach attached} to its server's registry, as metrics of the {@code
 * server} entity ({@code collector_rounds}, …): each event updates both.
 */
final class CollectorStats {

  private static final String SERVER = MetricRegistry.SERVER;

  static final MetricPrototype ROUNDS =
      MetricPrototype.counter(SERVER, "collector_rounds", MetricUnit.ROUNDS,
          "The number of rounds the collector published");
  static final MetricPrototype ABANDONED_ROUNDS =
      MetricPrototype.counter(SERVER, "collector_abandoned_rounds", MetricUnit.ROUNDS,
          "The number of rounds the collector abandoned because no meta server answered");
  static final MetricPrototype FAILED_SCRAPES =
      MetricPrototype.counter(SERVER, "collector_failed_scrapes", MetricUnit.REQUESTS,
          "The number of replica server scrapes that failed");
  static final MetricPrototype ROUND_DURATION =
      MetricPrototype.percentile(SERVER, "collector_round_duration_ms", MetricUnit.MILLISECONDS,
          "The duration of the rounds the collector published");
  static final MetricPrototype REPLICA_SERVERS =
      MetricPrototype.gauge(SERVER, "collector_replica_servers", MetricUnit.SERVERS,
          "The number of replica servers the latest published round scraped");
  static final MetricPrototype PUBLISHED_TABLES =
      MetricPrototype.gauge(SERVER, "collector_published_tables", MetricUnit.VALUES,
          "The number of tables the latest published round has statistics of, _all_ not included");

  private final NumberCounter scrapeFailures;
  private final NumberCounter metaFailures;
  private final NumberCounter roundDuration;
  private final NumberCounter rounds;
  private volatile Metrics metrics;

  /** The server entity's metrics of the collector. */
  private record Metrics(
      Counter rounds, Counter abandoned, Counter failedScrapes, Percentile duration, Gauge servers, Gauge tables) {}

  CollectorStats(PerfCounters counters, String app) {
    String section = StatPublisher.SECTION;
    this.scrapeFailures =
        counters.number(app, section, Collector.SCRAPE_FAILURES,
            "replica servers the collector could not scrape, in total since it started");
    this.metaFailures =
        counters.number(app, section, Collector.META_FAILURES,
            "collector rounds abandoned because no meta server answered, in total since it started");
    this.roundDuration =
        counters.number(app, section, Collector.ROUND_DURATION_MS,
            "duration of the latest published collector round in milliseconds");
    this.rounds = counters.number(app, section, Collector.ROUNDS, "collector rounds published since it started");
  }

  /**
   * Adds the metrics to {@code registry}'s server entity; the counters start from the perf
   * counters' totals so far, so both agree from then on.
   */
  synchronized void attach(MetricRegistry registry) {
    MetricEntity server = registry.server();
    Metrics m =
        new Metrics(
            server.counter(ROUNDS),
            server.counter(ABANDONED_ROUNDS),
            server.counter(FAILED_SCRAPES),
            server.percentile(ROUND_DURATION),
            server.gauge(REPLICA_SERVERS),
            server.gauge(PUBLISHED_TABLES));
    m.rounds().add(Math.max(0, rounds.value() - m.rounds().value()));
    m.abandoned().add(Math.max(0, metaFailures.value() - m.abandoned().value()));
    m.failedScrapes().add(Math.max(0, scrapeFailures.value() - m.failedScrapes().value()));
    metrics = m;
  }

  /** A round no meta server answered for: nothing published. */
  synchronized void roundAbandoned() {
    metaFailures.increment();
    Metrics m = metrics;
    if (m != null) {
      m.abandoned().increment();
    }
  }

  /** A published round: how long it took, how many servers it scraped and failed, how many tables. */
  synchronized void roundPublished(Duration took, int replicaServers, int failedScrapes, int tables) {
    scrapeFailures.add(failedScrapes);
    roundDuration.set(took.toMillis());
    rounds.increment();
    Metrics m = metrics;
    if (m != null) {
      m.failedScrapes().add(failedScrapes);
      m.duration().record(took.toMillis());
      m.servers().set(replicaServers);
      m.tables().set(tables);
      m.rounds().increment();
    }
  }
}
