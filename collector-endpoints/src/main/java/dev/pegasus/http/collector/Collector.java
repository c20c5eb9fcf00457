package dev.pegasus.http.collector;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.metrics.MetricRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Collector: every interval it learns the cluster from the meta servers ({@code /meta/nodes},
 * {@code /meta/apps}, and {@code /meta/app?name=<t>&detail} per table for the partition
 * primaries), reads every ALIVE replica server's counters over HTTP with bounded concurrency and
 * a deadline per request, sums them per table and for {@code _all_} as Pegasus 2.0 does, and
 * publishes the results as NUMBER counters {@code collector*app.pegasus*app.stat.<metric>#<table>}
 * in the given registry (normally the hosting server's, so that {@code /perfCounter} serves them).
 *
 * <p>A replica server that cannot be read is skipped with a warning and counted in {@code
 * collector*app.pegasus*replica_scrape_failures}; the round still publishes, with that server's
 * primaries counted as zero. If no meta server answers, the round publishes nothing (counted in
 * {@code meta_query_failures}). Counters of tables that disappear are removed.
 *
 * <pre>{@code
 * Collector collector = new Collector(config, server.counters()).start();
 * ...
 * collector.close();
 * }</pre>
 *
 * <p>{@link CollectorServer} starts one together with its HTTP server.
 */
public final class Collector implements AutoCloseable {

  /** Name part of the cumulative count of failed replica-server scrapes. */
  public static final String SCRAPE_FAILURES = "replica_scrape_failures";
  /** Name part of the cumulative count of rounds abandoned because no meta server answered. */
  public static final String META_FAILURES = "meta_query_failures";
  /** Name part of the duration of the latest published round, in milliseconds. */
  public static final String ROUND_DURATION_MS = "round_duration_ms";
  /** Name part of the count of published rounds. */
  public static final String ROUNDS = "published_rounds";

  private static final Logger log = LoggerFactory.getLogger(Collector.class);

  private final CollectorConfig config;
  private final Clock clock;
  private final ThreadPoolExecutor workers;
  private final HttpFetcher fetcher;
  private ScheduledFuture<?> roundTask;
  private volatile Duration interval;
  private final ClusterDiscovery discovery;
  private final ReplicaScraper scraper;
  private final StatPublisher publisher;
  private final CollectorStats stats;
  private final ReentrantLock roundLock = new ReentrantLock();
  private ScheduledExecutorService scheduler;
  private volatile AppStatRound latest;
  private volatile boolean closed;

  /** A collector publishing into {@code counters}; call {@link #start()} to run rounds on its own. */
  public Collector(CollectorConfig config, PerfCounters counters) {
    this(config, counters, Clock.systemDefaultZone());
  }

  /** The same, with the clock that stamps rounds (its zone is used for the JSON view). */
  public Collector(CollectorConfig config, PerfCounters counters, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.interval = config.interval();
    this.workers =
        new ThreadPoolExecutor(
            config.maxConcurrentRequests(),
            config.maxConcurrentRequests(),
            0L,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads("pegasus-collector-io"));
    HttpClient.Builder http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.requestTimeout());
    config.tls().ifPresent(tls -> http.sslContext(tls.sslContext()));
    this.fetcher =
        new HttpFetcher(http.build(), config.requestTimeout(), config.tls().isPresent() ? "https" : "http");
    this.discovery = new ClusterDiscovery(new MetaClient(fetcher, config.metaServers()), workers);
    this.scraper = new ReplicaScraper(fetcher, config.scrapePrefix());
    this.publisher = new StatPublisher(counters, config.counterApp());
    this.stats = new CollectorStats(counters, config.counterApp());
  }

  /**
   * Also counts rounds, failures and durations as metrics of {@code registry}'s server entity
   * ({@code collector_rounds}, …), besides the perf counters; the provider attaches the server's.
   */
  void attachMetrics(MetricRegistry registry) {
    stats.attach(registry);
  }

  /** Runs a round every {@link CollectorConfig#interval()}, the first after {@code firstRoundDelay}. */
  public synchronized Collector start() {
    checkState(!closed, "collector is closed");
    checkState(scheduler == null, "collector already started");
    scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("pegasus-collector-rounds"));
    schedule(config.firstRoundDelay());
    return this;
  }

  /**
   * Runs rounds every {@code newInterval} from now on: the next one {@code newInterval} after
   * this call (a flag change takes effect at once, not after the old interval).
   */
  public synchronized void reschedule(Duration newInterval) {
    checkArgument(!newInterval.isNegative() && !newInterval.isZero(), "interval must be positive");
    interval = newInterval;
    if (scheduler != null && !closed) {
      schedule(newInterval);
    }
  }

  /** The interval rounds run at now. */
  public Duration interval() {
    return interval;
  }

  /** How many replica scrapes and table lookups may be in flight at once, from now on. */
  public synchronized void maxConcurrentRequests(int n) {
    checkArgument(n >= 1, "at least one request at a time");
    // The pool's core may never exceed its maximum: grow the maximum first, shrink the core first.
    if (n > workers.getMaximumPoolSize()) {
      workers.setMaximumPoolSize(n);
      workers.setCorePoolSize(n);
    } else {
      workers.setCorePoolSize(n);
      workers.setMaximumPoolSize(n);
    }
  }

  /** The deadline of each HTTP exchange with a meta or replica server, from now on. */
  public void requestTimeout(Duration timeout) {
    checkArgument(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
    fetcher.timeout(timeout);
  }

  private void schedule(Duration firstDelay) {
    if (roundTask != null) {
      roundTask.cancel(false);
    }
    // Fixed rate keeps rounds aligned with the replicas' 10 s snapshots; a round that overruns
    // delays the next one instead of overlapping it.
    roundTask =
        scheduler.scheduleAtFixedRate(
            this::scheduledRound, firstDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void scheduledRound() {
    if (closed) {
      return;
    }
    try {
      runRoundNow();
    } catch (RuntimeException e) {
      // An escaping exception would cancel the schedule; log it and keep the next rounds.
      log.error("collector round failed unexpectedly", e);
    }
  }

  /**
   * Runs one round now (waiting for a round in progress to finish first) and returns it, or empty
   * when it could not be published because no meta server answered or the collector was closed.
   */
  public Optional<AppStatRound> runRoundNow() {
    checkState(!closed, "collector is closed");
    roundLock.lock();
    try {
      return Optional.ofNullable(round());
    } finally {
      roundLock.unlock();
    }
  }

  /** The latest published round, if any. */
  public Optional<AppStatRound> latestRound() {
    return Optional.ofNullable(latest);
  }

  public CollectorConfig config() {
    return config;
  }

  Clock clock() {
    return clock;
  }

  private AppStatRound round() {
    Instant startedAt = clock.instant();
    long startNanos = System.nanoTime();
    ClusterLayout layout;
    try {
      layout = discovery.discover();
    } catch (MetaUnavailableException e) {
      stats.roundAbandoned();
      log.warn("collector round abandoned, nothing published: {}", e.getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    RoundAccumulator accumulator = new RoundAccumulator(layout);
    List<String> failed = scrapeAll(layout.nodes(), accumulator);
    if (failed == null || closed) {
      return null;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    AppStatRound round = accumulator.finish(startedAt, took, failed);
    publisher.publish(round);
    stats.roundPublished(took, layout.nodes().size(), failed.size(), round.apps().size() - 1);
    latest = round;
    log.info(
        "stat apps succeed, app_count = {}, total_read_qps = {}, total_write_qps = {}, replica servers = {},"
            + " failed = {}, took {} ms",
        round.apps().size() - 1,
        round.all().value(AppStatMetric.READ_QPS),
        round.all().value(AppStatMetric.WRITE_QPS),
        layout.nodes().size(),
        failed.size(),
        took.toMillis());
    return round;
  }

  /**
   * Scrapes every server into {@code accumulator}, at most {@code maxConcurrentRequests} at once,
   * and returns the servers that failed; null if the collector is closing meanwhile.
   */
  private List<String> scrapeAll(List<String> nodes, RoundAccumulator accumulator) {
    List<Future<?>> scrapes = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      int node = i;
      scrapes.add(
          workers.submit(
              () -> {
                accumulator.addNode(node, scraper.scrape(nodes.get(node)));
                return null;
              }));
    }
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < scrapes.size(); i++) {
      try {
        scrapes.get(i).get();
      } catch (ExecutionException e) {
        failed.add(nodes.get(i));
        log.warn("collector skipped replica server {} this round: {}", nodes.get(i), describe(e.getCause()));
      } catch (InterruptedException | CancellationException e) {
        // close() is stopping the collector: abandon the round without publishing.
        scrapes.forEach(f -> f.cancel(true));
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return null;
      }
    }
    return failed;
  }

  /** The exception's type and the first message along its causes ("connection refused", ...). */
  private static String describe(Throwable t) {
    String message = null;
    for (Throwable c = t; c != null && message == null; c = c.getCause()) {
      message = c.getMessage();
    }
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** Stops the rounds; a round in progress is abandoned. Safe to call twice. */
  @Override
  public void close() {
    ScheduledExecutorService s;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      s = scheduler;
    }
    if (s != null) {
      s.shutdownNow();
    }
    for (Runnable queued : workers.shutdownNow()) {
      // Never-started tasks would leave a waiting round blocked forever: cancel their futures.
      if (queued instanceof Future<?> f) {
        f.cancel(true);
      }
    }
    try {
      if (s != null) {
        s.awaitTermination(5, TimeUnit.SECONDS);
      }
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
