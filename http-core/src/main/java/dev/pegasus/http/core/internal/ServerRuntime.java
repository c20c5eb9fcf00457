package dev.pegasus.http.core.internal;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.core.PerfCounters;
import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.internal.tls.TlsContexts;
import dev.pegasus.http.core.spi.EndpointSpec;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

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
  private final ServerStartTime startTime;
  private final Routes routes;
  private Undertow undertow;
  private GracefulShutdownHandler shutdownHandler;
  private ScheduledExecutorService counterTimer;
  private InetSocketAddress boundAddress;

  @Inject
  ServerRuntime(
      ServerConfig config,
      RequestDispatcher dispatcher,
      PerfCounters counters,
      ServerStartTime startTime,
      Routes routes) {
    this.config = config;
    this.dispatcher = dispatcher;
    this.counters = counters;
    this.startTime = startTime;
    this.routes = routes;
  }

  /** Binds the listener and starts serving; fails if the port is taken. */
  public synchronized void start() {
    checkState(undertow == null, "already started");
    shutdownHandler = new GracefulShutdownHandler(dispatcher);
    int hardHeaderCap =
        config.maxRequestTargetBytes() + config.maxHeaderBytes() + HEADER_HARD_CAP_SLACK;
    Undertow server =
        listener(Undertow.builder())
            .setIoThreads(config.ioThreads())
            .setWorkerThreads(config.workerThreads())
            .setServerOption(UndertowOptions.DECODE_URL, false)
            .setServerOption(UndertowOptions.MAX_HEADER_SIZE, hardHeaderCap)
            .setServerOption(UndertowOptions.MAX_HEADERS, 1000)
            .setServerOption(UndertowOptions.MAX_PARAMETERS, config.maxRequestTargetBytes())
            .setServerOption(
                UndertowOptions.MAX_ENTITY_SIZE, config.maxBodyBytes() + BodyReceiver.UNDERTOW_SLACK)
            .setServerOption(
                UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(config.requestParseTimeout().toMillis()))
            .setServerOption(
                UndertowOptions.NO_REQUEST_TIMEOUT, millis(config.noRequestTimeout().toMillis()))
            .setServerOption(UndertowOptions.IDLE_TIMEOUT, millis(config.idleTimeout().toMillis()))
            .setSocketOption(Options.REUSE_ADDRESSES, true)
            .setHandler(shutdownHandler)
            .build();
    server.start();
    undertow = server;
    boundAddress = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
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
    long period = config.counterPeriod().toMillis();
    counterTimer.scheduleAtFixedRate(this::tickCounters, period, period, TimeUnit.MILLISECONDS);
    log.info(
        "[{}] serving {} endpoints on {}://{}:{}/",
        config.role(),
        routes.specs().size(),
        scheme(),
        boundAddress.getHostString(),
        boundAddress.getPort());
  }

  /** HTTPS only when TLS is configured (files read now), plain HTTP otherwise. */
  private Undertow.Builder listener(Undertow.Builder builder) {
    return config.tls().isPresent()
        ? builder.addHttpsListener(
            config.port(), config.host(), TlsContexts.server(config.tls().get(), config.role()))
        : builder.addHttpListener(config.port(), config.host());
  }

  /** {@code https} when the server serves TLS, {@code http} otherwise. */
  public String scheme() {
    return config.tls().isPresent() ? "https" : "http";
  }

  private void tickCounters() {
    try {
      counters.computePercentiles();
      counters.takeSnapshot();
    } catch (RuntimeException e) {
      log.warn("[{}] counter snapshot failed", config.role(), e);
    }
  }

  /** The address the listener is bound to. */
  public synchronized InetSocketAddress boundAddress() {
    checkState(boundAddress != null, "not started");
    return boundAddress;
  }

  public ImmutableList<EndpointSpec> specs() {
    return routes.specs();
  }

  /**
   * Stops accepting requests, waits up to the shutdown timeout for requests in flight, then
   * closes the listener and the counter timer. Safe to call twice.
   */
  public synchronized void stop() {
    if (undertow == null) {
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
    undertow.stop();
    counterTimer.shutdownNow();
    undertow = null;
    log.info("[{}] stopped", config.role());
  }

  public synchronized boolean isRunning() {
    return undertow != null;
  }

  private static int millis(long ms) {
    return (int) Math.min(Integer.MAX_VALUE, ms);
  }
}
