package dev.pegasus.http.meta;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MetaLeadership} elected through ZooKeeper with Curator's {@link LeaderLatch}: every meta
 * server joins the latch at the election path with its advertised {@code host:port} as participant
 * id, and the first participant is the primary.
 *
 * <p>It never names a primary it cannot vouch for: while the ZooKeeper connection is suspended or
 * lost, or while no participant holds the latch, {@link #primary()} is empty and {@link
 * #isPrimary()} false, so every meta (the former primary too) answers 503 until the connection and
 * the election are back. Backups learn the primary from the latch's participants, refreshed on
 * every membership change (a ZooKeeper watch), on every leadership or connection change and on a
 * fixed period as a safety net.
 *
 * <pre>{@code
 * ZooKeeperMetaLeadership leadership = ZooKeeperMetaLeadership.builder("127.0.0.1:22181")
 *     .electionPath("/pegasus/onebox/meta_leader")
 *     .build();
 * // after the server is bound:
 * leadership.start("127.0.0.1:" + server.port());
 * }</pre>
 *
 * <p>The session timeout bounds how long a crashed primary (one that did not {@link #close}) keeps
 * the latch; ZooKeeper clamps it to [2, 20] server ticks.
 */
public final class ZooKeeperMetaLeadership implements MetaLeadership {

  private static final Logger log = LoggerFactory.getLogger(ZooKeeperMetaLeadership.class);

  private final String connectString;
  private final String electionPath;
  private final Duration sessionTimeout;
  private final Duration connectionTimeout;
  private final Duration refreshPeriod;

  // Guards the connection generation: a refresh that started before a connection change must not
  // publish what it read then.
  private final Object lock = new Object();
  private long generation;
  private volatile boolean connected;
  private volatile String knownLeader;
  private volatile boolean closed;

  private volatile String id;
  private volatile CuratorFramework client;
  private volatile LeaderLatch latch;
  private volatile ScheduledExecutorService refresher;
  private final AtomicBoolean refreshPending = new AtomicBoolean();
  private final CuratorWatcher membershipWatcher = event -> requestRefresh();

  private ZooKeeperMetaLeadership(Builder b) {
    this.connectString = b.connectString;
    this.electionPath = b.electionPath;
    this.sessionTimeout = b.sessionTimeout;
    this.connectionTimeout = b.connectionTimeout;
    this.refreshPeriod = b.refreshPeriod;
  }

  /**
   * Starts a leadership for the ZooKeeper ensemble at {@code connectString} ({@code
   * host:port,...}).
   */
  public static Builder builder(String connectString) {
    return new Builder(connectString);
  }

  /**
   * Connects to ZooKeeper and joins the election as {@code advertisedAddress}; returns at once (the
   * connection and the election proceed in the background). Call it once.
   */
  @Override
  public synchronized void start(String advertisedAddress) {
    checkArgument(!advertisedAddress.isEmpty(), "an empty participant id");
    checkState(id == null, "already started as %s", id);
    checkState(!closed, "closed");
    id = advertisedAddress;
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "meta-leadership " + advertisedAddress);
              t.setDaemon(true);
              return t;
            });
    client =
        CuratorFrameworkFactory.builder()
            .connectString(connectString)
            .sessionTimeoutMs((int) sessionTimeout.toMillis())
            .connectionTimeoutMs((int) connectionTimeout.toMillis())
            .retryPolicy(new ExponentialBackoffRetry(100, 10, 1000))
            .build();
    client.getConnectionStateListenable().addListener((c, state) -> onConnectionState(state));
    client.start();
    latch = new LeaderLatch(client, electionPath, advertisedAddress);
    latch.addListener(
        new LeaderLatchListener() {
          @Override
          public void isLeader() {
            log.info("meta {} is now the primary", advertisedAddress);
            requestRefresh();
          }

          @Override
          public void notLeader() {
            log.info("meta {} is no longer the primary", advertisedAddress);
            requestRefresh();
          }
        });
    try {
      latch.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot join the meta election at " + electionPath, e);
    }
    long period = refreshPeriod.toMillis();
    refresher.scheduleWithFixedDelay(this::refresh, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean isPrimary() {
    LeaderLatch l = latch;
    return connected && l != null && l.hasLeadership();
  }

  @Override
  public Optional<String> primary() {
    LeaderLatch l = latch;
    if (!connected || l == null) {
      return Optional.empty();
    }
    if (l.hasLeadership()) {
      return Optional.of(id);
    }
    String leader = knownLeader;
    // Our own id as first participant without the latch yet: the election is still settling.
    if (leader == null || leader.equals(id)) {
      return Optional.empty();
    }
    return Optional.of(leader);
  }

  /** The participant id given to {@link #start}, if started. */
  public Optional<String> participantId() {
    return Optional.ofNullable(id);
  }

  /** Leaves the election (the next participant takes over at once) and disconnects. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    synchronized (lock) {
      generation++;
      connected = false;
      knownLeader = null;
    }
    if (latch != null) {
      try {
        latch.close();
      } catch (IOException | RuntimeException e) {
        log.warn("meta {}: could not leave the election cleanly", id, e);
      }
    }
    if (refresher != null) {
      refresher.shutdownNow();
    }
    if (client != null) {
      client.close();
    }
  }

  private void onConnectionState(ConnectionState state) {
    boolean up = state == ConnectionState.CONNECTED || state == ConnectionState.RECONNECTED;
    synchronized (lock) {
      generation++;
      connected = up && !closed;
      knownLeader = null;
    }
    log.info("meta {}: ZooKeeper connection {}", id, state);
    if (up) {
      requestRefresh();
    }
  }

  private void requestRefresh() {
    ScheduledExecutorService r = refresher;
    if (closed || r == null || !refreshPending.compareAndSet(false, true)) {
      return;
    }
    try {
      r.execute(
          () -> {
            refreshPending.set(false);
            refresh();
          });
    } catch (RejectedExecutionException e) {
      refreshPending.set(false);
    }
  }

  /**
   * Reads the first participant of the latch and publishes it, unless the connection changed
   * meanwhile.
   */
  private void refresh() {
    long startedAt;
    synchronized (lock) {
      if (!connected || closed) {
        return;
      }
      startedAt = generation;
    }
    String leader;
    try {
      client.getChildren().usingWatcher(membershipWatcher).forPath(electionPath);
      leader = latch.getLeader().getId();
    } catch (KeeperException.NoNodeException e) {
      leader = "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      log.debug("meta {}: cannot read the election members", id, e);
      leader = "";
    }
    synchronized (lock) {
      if (generation == startedAt && connected) {
        knownLeader = leader.isEmpty() ? null : leader;
      }
    }
  }

  @Override
  public String toString() {
    return "ZooKeeperMetaLeadership[" + id + " at " + connectString + electionPath + "]";
  }

  /** Builds a {@link ZooKeeperMetaLeadership}. */
  public static final class Builder {
    private final String connectString;
    private String electionPath = "/pegasus/meta_leader";
    private Duration sessionTimeout = Duration.ofSeconds(30);
    private Duration connectionTimeout = Duration.ofSeconds(10);
    private Duration refreshPeriod = Duration.ofSeconds(2);

    private Builder(String connectString) {
      checkArgument(!connectString.isBlank(), "an empty ZooKeeper connect string");
      this.connectString = connectString;
    }

    /**
     * The latch's ZooKeeper path, shared by all metas of a cluster; {@code /pegasus/meta_leader} by
     * default.
     */
    public Builder electionPath(String path) {
      checkArgument(
          path.startsWith("/") && !path.endsWith("/"), "not a ZooKeeper path: \"%s\"", path);
      this.electionPath = path;
      return this;
    }

    /** The ZooKeeper session timeout; 30 s by default. */
    public Builder sessionTimeout(Duration timeout) {
      this.sessionTimeout = positive(timeout);
      return this;
    }

    /** How long to wait for a connection before an operation fails; 10 s by default. */
    public Builder connectionTimeout(Duration timeout) {
      this.connectionTimeout = positive(timeout);
      return this;
    }

    /** How often a backup re-reads the participants besides watching them; 2 s by default. */
    public Builder refreshPeriod(Duration period) {
      this.refreshPeriod = positive(period);
      return this;
    }

    public ZooKeeperMetaLeadership build() {
      return new ZooKeeperMetaLeadership(this);
    }

    private static Duration positive(Duration d) {
      checkArgument(!requireNonNull(d).isNegative() && !d.isZero(), "not positive: %s", d);
      return d;
    }
  }
}
