package dev.pegasus.http.core.internal;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.internal.tls.TlsContexts;
import dev.pegasus.http.core.spi.EndpointSpec;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;
import org.xnio.ssl.SslConnection;
import io.undertow.protocols.ssl.UndertowXnioSsl;

/**
 * Starts and stops one server: the Undertow listener around the {@link RequestDispatcher}, and
 * the timer that recomputes percentiles and snapshots the counters every period.
 */
@Singleton
public final class ServerRuntime {

  private static final Logger log = LoggerFactory.getLogger(ServerRuntime.class);

  /** Undertow's own hard cap on the header block; above our 414/431 limits so those answer first. */
  private static final int HEADER_HARD_CAP_SLACK = 16 * 1024;

  private final ServerConfig config;
  private final RequestDispatcher dispatcher;
  private final PerfCounters counters;
  private final MetricRegistry metrics;
  private final ServerStartTime startTime;
  private final Routes routes;
  /** Buffers as Undertow sizes them for a JVM with more than 128 MiB. */
  private static final int BUFFER_BYTES = 16 * 1024 - 20;

  /** Connections beyond the cap that are accepted to be refused before XNIO stops accepting. */
  private static final int REFUSAL_HEADROOM = 64;

  private AcceptingChannel<? extends StreamConnection> server;
  private XnioWorker worker;
  private DefaultByteBufferPool buffers;
  private final ConnectionLimiter limiter;
  private GracefulShutdownHandler shutdownHandler;
  private ScheduledExecutorService counterTimer;
  private java.util.concurrent.ScheduledFuture<?> counterTask;
  private final CoreFlags coreFlags;
  /** Volatile so that {@link #port()} can be read by requests without the lock stop() holds. */
  private volatile InetSocketAddress boundAddress;

  @Inject
  ServerRuntime(
      ServerConfig config,
      RequestDispatcher dispatcher,
      PerfCounters counters,
      MetricRegistry metrics,
      ServerStartTime startTime,
      Routes routes,
      ConnectionLimiter limiter,
      CoreFlags coreFlags) {
    this.limiter = limiter;
    this.coreFlags = coreFlags;
    coreFlags.counterPeriodMillis().onChange(this::armCounterTimer);
    coreFlags.entityRetirementDelayMillis().onChange(ms -> metrics.retirementDelay(Duration.ofMillis(ms)));
    this.config = config;
    this.dispatcher = dispatcher;
    this.counters = counters;
    this.metrics = metrics;
    this.startTime = startTime;
    this.routes = routes;
  }

  /** Binds the listener and starts serving; fails if the port is taken. */
  public synchronized void start() {
    checkState(server == null, "already started");
    shutdownHandler = new GracefulShutdownHandler(dispatcher);
    int hardHeaderCap =
        config.maxRequestTargetBytes() + config.maxHeaderBytes() + HEADER_HARD_CAP_SLACK;
    OptionMap undertowOptions =
        OptionMap.builder()
            .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
            .set(UndertowOptions.DECODE_URL, false)
            .set(UndertowOptions.MAX_HEADER_SIZE, hardHeaderCap)
            .set(UndertowOptions.MAX_HEADERS, 1000)
            .set(UndertowOptions.MAX_PARAMETERS, config.maxRequestTargetBytes())
            .set(UndertowOptions.MAX_ENTITY_SIZE, config.maxBodyBytes() + BodyReceiver.UNDERTOW_SLACK)
            .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(config.requestParseTimeout().toMillis()))
            .set(UndertowOptions.NO_REQUEST_TIMEOUT, millis(config.noRequestTimeout().toMillis()))
            .set(UndertowOptions.IDLE_TIMEOUT, millis(config.idleTimeout().toMillis()))
            .getMap();
    // Built by hand instead of with Undertow.builder(), which offers no hook between accept and
    // the HTTP listener: the connection cap needs one (ConnectionLimiter).
    XnioWorker newWorker;
    try {
      newWorker =
          Xnio.getInstance(Undertow.class.getClassLoader())
              .createWorker(
                  OptionMap.builder()
                      .set(Options.WORKER_NAME, "pegasus-http-" + config.role())
                      .set(Options.WORKER_IO_THREADS, config.ioThreads())
                      .set(Options.WORKER_TASK_CORE_THREADS, config.workerThreads())
                      .set(Options.WORKER_TASK_MAX_THREADS, config.workerThreads())
                      .set(Options.TCP_NODELAY, true)
                      .set(Options.CORK, true)
                      .getMap());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the I/O threads of " + config.role(), e);
    }
    DefaultByteBufferPool newBuffers = new DefaultByteBufferPool(true, BUFFER_BYTES, -1, 4);
    HttpOpenListener http = new HttpOpenListener(newBuffers, undertowOptions);
    http.setRootHandler(shutdownHandler);
    OptionMap socketOptions =
        OptionMap.builder()
            .set(Options.WORKER_IO_THREADS, newWorker.getIoThreadCount())
            .set(Options.TCP_NODELAY, true)
            .set(Options.REUSE_ADDRESSES, true)
            .set(Options.BALANCING_TOKENS, 1)
            .set(Options.BALANCING_CONNECTIONS, 2)
            .set(Options.BACKLOG, 1000)
            // XNIO's own stop: above this it stops accepting (clients wait in the backlog) instead
            // of accepting connections only to refuse them, bounding the descriptors refusals take.
            .set(Options.CONNECTION_HIGH_WATER, config.maxConnections() + REFUSAL_HEADROOM)
            .set(Options.CONNECTION_LOW_WATER, config.maxConnections() + REFUSAL_HEADROOM / 2)
            .getMap();
    AcceptingChannel<? extends StreamConnection> channel;
    InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
    try {
      if (config.tls().isPresent()) {
        // HTTPS only when TLS is configured (files read now); as Undertow's own HTTPS listener.
        UndertowXnioSsl ssl =
            new UndertowXnioSsl(
                newWorker.getXnio(),
                OptionMap.create(Options.USE_DIRECT_BUFFERS, true),
                TlsContexts.server(config.tls().get(), config.role()));
        channel =
            ssl.createSslConnectionServer(
                newWorker,
                address,
                ChannelListeners.<SslConnection>openListenerAdapter(limiter.around(http)),
                socketOptions);
      } else {
        channel =
            newWorker.createStreamConnectionServer(
                address, ChannelListeners.openListenerAdapter(limiter.around(http)), socketOptions);
      }
    } catch (IOException e) {
      newWorker.shutdownNow();
      newBuffers.close();
      throw new UncheckedIOException(
          "could not listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    channel.resumeAccepts();
    worker = newWorker;
    buffers = newBuffers;
    server = channel;
    boundAddress = channel.getLocalAddress(InetSocketAddress.class);
    warnIfDescriptorsAreShort();
    startTime.markStarted();
    counters.computePercentiles();
    counters.takeSnapshot();
    counterTimer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pegasus-http-counters-" + config.role() + "-" + boundAddress.getPort());
              t.setDaemon(true);
              return t;
            });
    armCounterTimer(coreFlags.counterPeriodMillis().get());
    // The start-up value (configuration file or default); later changes come through onChange.
    metrics.retirementDelay(Duration.ofMillis(coreFlags.entityRetirementDelayMillis().get()));
    long metricsPeriod = MetricRegistry.PERCENTILE_INTERVAL.toMillis();
    counterTimer.scheduleAtFixedRate(this::tickMetrics, metricsPeriod, metricsPeriod, TimeUnit.MILLISECONDS);
    log.info(
        "[{}] serving {} endpoints on {}://{}:{}/",
        config.role(),
        routes.specs().size(),
        scheme(),
        boundAddress.getHostString(),
        boundAddress.getPort());
  }

  /**
   * A server at its cap holds {@code maxConnections + REFUSAL_HEADROOM} descriptors; below that
   * limit, accept fails with EMFILE and XNIO backs off for up to 30 s, for every server of the
   * process. Said once at start, where it can still be fixed.
   */
  private void warnIfDescriptorsAreShort() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      long limit = unix.getMaxFileDescriptorCount();
      long needed = (long) config.maxConnections() + REFUSAL_HEADROOM + unix.getOpenFileDescriptorCount();
      if (limit < needed) {
        log.warn(
            "[{}] the process may open {} files, and this server alone may need {} at its connection"
                + " cap of {}: raise the limit (ulimit -n) or lower maxConnections",
            config.role(), limit, needed, config.maxConnections());
      }
    }
  }

  /** {@code https} when the server serves TLS, {@code http} otherwise. */
  public String scheme() {
    return config.tls().isPresent() ? "https" : "http";
  }

  /**
   * (Re)schedules the counter snapshots at {@code periodMillis}: at start, and whenever {@code
   * counter_snapshot_period_ms} changes, so a new period takes effect at once (upstream's replica
   * hook was never reached over HTTP; here the listener is the flag's own).
   */
  private synchronized void armCounterTimer(long periodMillis) {
    if (counterTimer == null) {
      return;
    }
    if (counterTask != null) {
      counterTask.cancel(false);
    }
    counterTask =
        counterTimer.scheduleAtFixedRate(
            this::tickCounters, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void tickCounters() {
    try {
      counters.computePercentiles();
      counters.takeSnapshot();
    } catch (RuntimeException e) {
      log.warn("[{}] counter snapshot failed", config.role(), e);
    }
  }

  /** Pegasus master's two metric timers in one: percentiles, then retired entities. */
  private void tickMetrics() {
    try {
      metrics.computePercentiles();
      metrics.removeRetired();
    } catch (RuntimeException e) {
      log.warn("[{}] metrics update failed", config.role(), e);
    }
  }

  /** The address the listener is bound to. */
  public synchronized InetSocketAddress boundAddress() {
    checkState(boundAddress != null, "not started");
    return boundAddress;
  }

  /**
   * The bound port, or the configured one before the first start. Never blocks, so a request may
   * read it while {@link #stop()} (which holds this object's lock) waits for that request.
   */
  public int port() {
    InetSocketAddress bound = boundAddress;
    return bound != null ? bound.getPort() : config.port();
  }

  public ImmutableList<EndpointSpec> specs() {
    return routes.specs();
  }

  /**
   * Stops accepting requests, waits up to the shutdown timeout for requests in flight, then
   * closes the listener and the counter timer. Safe to call twice.
   */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    shutdownHandler.shutdown();
    try {
      if (!shutdownHandler.awaitShutdown(config.shutdownTimeout().toMillis())) {
        log.warn("[{}] requests still running after {}; closing anyway", config.role(), config.shutdownTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    IoUtils.safeClose(server);
    worker.shutdownNow();
    try {
      worker.awaitTermination(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    buffers.close();
    counterTimer.shutdownNow();
    counterTimer = null;
    counterTask = null;
    server = null;
    log.info("[{}] stopped", config.role());
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  private static int millis(long ms) {
    return (int) Math.min(Integer.MAX_VALUE, ms);
  }
}
