package dev.pegasus.http.meta.zookeeper;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.google.common.annotations.VisibleForTesting;
import com.google.common.collect.ImmutableList;
import dev.pegasus.http.meta.ClusterFacts;
import dev.pegasus.http.meta.MetaLeadership;
import dev.pegasus.http.meta.MetaState;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.SessionConnectionStateErrorPolicy;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MetaLeadership} elected through ZooKeeper: every meta joins a Curator {@link LeaderLatch}
 * at the election path with its advertised {@code host:port} as participant id, and the meta whose
 * participant node comes first (the lowest sequence) is the primary.
 *
 * <h2>What a meta answers, and why there is never a second primary</h2>
 *
 * <p>The latch's own belief is not trusted alone: anybody allowed to delete the leader's node makes
 * another meta the leader without telling the old one, and the old latch would go on believing. So
 * a meta answers as primary only on <em>evidence</em>: a read of the election path, made by this
 * meta, that found its own latch node first and owned by its own current session. Evidence is
 * taken again on every ZooKeeper event (a watch on the participants and on the leader node, every
 * connection and latch change) and at least every {@linkplain Builder#checkPeriod check period},
 * and it is trusted only for the {@linkplain Builder#lease lease} counted from the moment the read
 * was <em>sent</em>. Without fresh evidence, when the evidence names another node, or when the
 * session is lost, {@link #isPrimary()} is false. A backup redirects only to a leader named by fresh
 * evidence whose id is one of the {@linkplain Builder#metaServers cluster's meta servers}; in every
 * other case (doubt) {@link #primary()} is empty and the meta answers 503.
 *
 * <h2>Timing bounds</h2>
 *
 * <ul>
 *   <li><b>Leader node deleted while connected</b>: the watch fires, the next read sees another
 *       leader, and the old primary stops at once (one ZooKeeper round trip), before the new
 *       leader's latch (which needs its own round trips) can start; the periodic check bounds a
 *       missed event to one check period.
 *   <li><b>Short blip within the session</b> (Curator {@code SUSPENDED}, then {@code RECONNECTED}):
 *       the latch keeps its node and its leadership (the client uses Curator's session error
 *       policy), and the primary keeps answering on its last evidence until the lease runs out;
 *       a blip shorter than the lease minus the evidence's age (at most about one check period)
 *       is invisible to clients, a longer one answers 503 for the rest of it. Mind that a
 *       ZooKeeper client needs up to about 2 s to get back to a single server (a random backoff
 *       under 1 s, then 1 s before it tries the same address again).
 *   <li><b>Partition or expiry</b>: the ZooKeeper server renews a session on every request it
 *       receives, so it expires this meta's session, deletes its node and lets another meta lead no
 *       sooner than one (negotiated) session timeout after the last read it answered, and that read
 *       was sent no earlier than the evidence's start. The lease is at most half the negotiated
 *       session timeout, so the old primary stops answering at least half a session timeout before
 *       anybody else can be elected; that half is the margin for clock rate differences, a pause
 *       between deciding and answering, and the new leader's own reads.
 *   <li><b>Session lost</b> ({@code LOST}, real or Curator's own after a session timeout of
 *       suspension): at once 503, and the meta rejoins the election with a new latch, whose close
 *       removes the old node if the server still has it, so the cluster converges to one primary.
 *   <li>The one case no client-side rule can cover: a node deleted (or its session closed) by a
 *       third party while this meta cannot hear ZooKeeper. Two metas may then answer as primary for up to one lease; {@link
 *       Builder#digestAuth} keeps third parties from deleting the nodes in the first place.
 * </ul>
 *
 * <p>The meta also repairs the election: when its latch's node is gone (deleted by someone) it
 * rejoins with a new latch, and a leading node of its own session that is not its latch's node (left
 * behind by a latch reset) is deleted, so that the election never waits on a node nobody uses.
 *
 * <pre>{@code
 * ZooKeeperMetaLeadership leadership = ZooKeeperMetaLeadership.builder("127.0.0.1:22181")
 *     .electionPath("/pegasus/onebox/meta_leader")
 *     .metaServersOf(state)                           // the leader id must be one of these
 *     .digestAuth(ZooKeeperDigest.of("meta", secret)) // optional; nodes become creator-only
 *     .build();
 * // after the server is bound:
 * leadership.start("127.0.0.1:" + server.port());
 * }</pre>
 *
 * <p>ZooKeeper clamps the session timeout to [2, 20] server ticks; the bounds above use the
 * negotiated value.
 */
public final class ZooKeeperMetaLeadership implements MetaLeadership {

  private static final Logger log = LoggerFactory.getLogger(ZooKeeperMetaLeadership.class);

  /**
   * What the latest read of the election showed: in which session generation, when it was sent,
   * whether this meta's node led, and otherwise the validated id of the leader (null if none or
   * unusable). {@link #NONE} is no evidence at all.
   */
  private record Verdict(long generation, long sentNanos, boolean ours, String otherPrimary) {
    static final Verdict NONE = new Verdict(-1, 0, false, null);
  }

  private final String connectString;
  private final String electionPath;
  private final Duration sessionTimeout;
  private final Duration connectionTimeout;
  private final Duration checkPeriod;
  private final Duration lease;
  private final ZooKeeperDigest digest;
  private final boolean worldReadable;
  private final Supplier<? extends Collection<String>> metaServers;
  private final ElectionReader reader;

  // Bumped when a session is lost and on close: evidence of an older generation is void at once.
  private final Object lock = new Object();
  private volatile long generation;
  private volatile Verdict verdict = Verdict.NONE;
  private volatile long leaseNanos;
  private volatile boolean closed;

  private volatile String id;
  private volatile CuratorFramework client;
  private volatile LeaderLatch latch;
  private volatile ScheduledExecutorService checker;
  private volatile LeaderIdValidator validator;
  private final AtomicBoolean checkPending = new AtomicBoolean();
  private final Watcher electionWatcher = event -> requestCheck();

  // Touched by the checker thread only (announcedPrimary is read by close, once the checker is
  // stopped).
  private boolean ourNodeMissing;
  private long ourNodeMissingSince;
  private volatile boolean announcedPrimary;
  private long announcedLease;

  private ZooKeeperMetaLeadership(Builder b) {
    this.connectString = b.connectString;
    this.electionPath = b.electionPath;
    this.sessionTimeout = b.sessionTimeout;
    this.connectionTimeout = b.connectionTimeout;
    this.lease = b.effectiveLease();
    this.checkPeriod = b.effectiveCheckPeriod();
    this.digest = b.digest;
    this.worldReadable = b.worldReadable;
    this.metaServers = b.metaServers;
    this.reader = new ElectionReader(electionPath);
    this.leaseNanos = lease.toNanos();
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
    validator = new LeaderIdValidator(metaServers, advertisedAddress);
    checker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "meta-leadership " + advertisedAddress);
              t.setDaemon(true);
              return t;
            });
    CuratorFrameworkFactory.Builder curator =
        CuratorFrameworkFactory.builder()
            .connectString(connectString)
            .sessionTimeoutMs((int) sessionTimeout.toMillis())
            .connectionTimeoutMs((int) connectionTimeout.toMillis())
            .retryPolicy(new ExponentialBackoffRetry(100, 10, 1000))
            // SUSPENDED is not an error: the latch keeps its node and leadership through a blip;
            // the lease decides how long this meta may go on answering without hearing ZooKeeper.
            .connectionStateErrorPolicy(new SessionConnectionStateErrorPolicy());
    if (digest != null) {
      curator.authorization("digest", digest.authInfo()).aclProvider(new ElectionAcl(worldReadable));
    } else {
      log.info(
          "meta {}: no ZooKeeper digest configured; the election nodes at {} are writable by any"
              + " ZooKeeper client",
          advertisedAddress,
          electionPath);
    }
    client = curator.build();
    client.getConnectionStateListenable().addListener((c, state) -> onConnectionState(state));
    client.start();
    latch = joinedLatch();
    long period = checkPeriod.toNanos();
    checker.scheduleWithFixedDelay(this::check, period, period, TimeUnit.NANOSECONDS);
  }

  /**
   * True while fresh ZooKeeper evidence shows this meta's latch node leading the election under
   * its own session, and its latch agrees.
   */
  @Override
  public boolean isPrimary() {
    Verdict v = verdict;
    LeaderLatch l = latch;
    return v.ours() && fresh(v) && l != null && l.hasLeadership();
  }

  /**
   * This meta's id when it {@linkplain #isPrimary() is the primary}; the validated id of the leader
   * named by fresh evidence when it is a backup; empty in every other case.
   */
  @Override
  public Optional<String> primary() {
    Verdict v = verdict;
    if (!fresh(v)) {
      return Optional.empty();
    }
    if (v.ours()) {
      // Our node leads but our latch has not caught up yet (or let go): not settled, no answer.
      return isPrimary() ? Optional.of(id) : Optional.empty();
    }
    return Optional.ofNullable(v.otherPrimary());
  }

  /** The participant id given to {@link #start}, if started. */
  public Optional<String> participantId() {
    return Optional.ofNullable(id);
  }

  /** The Curator client, once started: tests reach the session through it. */
  @VisibleForTesting
  CuratorFramework curator() {
    return client;
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
      verdict = Verdict.NONE;
    }
    // Logged before the latch lets go, so that it comes before the next primary's "now".
    if (announcedPrimary) {
      announcedPrimary = false;
      log.info("meta {} is no longer the primary: it left the election", id);
    }
    if (latch != null) {
      closeQuietly(latch);
    }
    if (checker != null) {
      checker.shutdownNow();
    }
    if (client != null) {
      client.close();
    }
  }

  private boolean fresh(Verdict v) {
    return !closed
        && v.generation() == generation
        && System.nanoTime() - v.sentNanos() < leaseNanos;
  }

  private LeaderLatch joinedLatch() {
    String self = id;
    LeaderLatch l = new LeaderLatch(client, electionPath, self);
    l.addListener(
        new LeaderLatchListener() {
          @Override
          public void isLeader() {
            log.debug("meta {}: its latch took the lead", self);
            requestCheck();
          }

          @Override
          public void notLeader() {
            log.debug("meta {}: its latch let go of the lead", self);
            requestCheck();
          }
        });
    try {
      l.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot join the meta election at " + electionPath, e);
    }
    return l;
  }

  private void closeQuietly(LeaderLatch l) {
    try {
      if (l.getState() == LeaderLatch.State.STARTED) {
        l.close();
      }
    } catch (IOException | RuntimeException e) {
      log.warn("meta {}: could not leave the election cleanly", id, e);
    }
  }

  /**
   * Leaves the election with the current latch and joins with a new one: its close deletes the old
   * node if it still exists (guaranteed delete, retried until connected), so a stale node of this
   * meta never blocks the election.
   */
  private synchronized void rejoin(String why) {
    if (closed) {
      return;
    }
    log.info("meta {}: rejoining the election at {} because {}", id, electionPath, why);
    LeaderLatch old = latch;
    closeQuietly(old);
    latch = joinedLatch();
    ourNodeMissing = false;
  }

  private void onConnectionState(ConnectionState state) {
    log.info("meta {}: ZooKeeper connection {}", id, state);
    if (state == ConnectionState.LOST) {
      synchronized (lock) {
        generation++;
        verdict = Verdict.NONE;
      }
      ScheduledExecutorService c = checker;
      try {
        c.execute(() -> rejoin("its ZooKeeper session was lost"));
      } catch (RejectedExecutionException e) {
        // closing
      }
    }
    requestCheck();
  }

  /** Runs a check soon on the checker thread; requests made while one is queued are merged. */
  private void requestCheck() {
    ScheduledExecutorService c = checker;
    if (closed || c == null || !checkPending.compareAndSet(false, true)) {
      return;
    }
    try {
      c.execute(
          () -> {
            checkPending.set(false);
            check();
          });
    } catch (RejectedExecutionException e) {
      checkPending.set(false);
    }
  }

  /**
   * Takes new evidence: reads the election, publishes what it found unless a session was lost
   * meanwhile, repairs the election if this meta's node is gone or a stray node of its session
   * leads, and logs when this meta starts or stops answering as the primary.
   */
  private void check() {
    if (closed) {
      return;
    }
    try {
      checkOnce();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // A bug here must not stop the periodic checks: without them the lease runs out (503).
      log.warn("meta {}: the election check failed", id, e);
    }
    announce();
  }

  private void checkOnce() throws InterruptedException {
    long startedIn = generation;
    LeaderLatch l = latch;
    if (l == null) {
      return; // start() is still joining
    }
    ZooKeeper zk;
    try {
      zk = client.getZookeeperClient().getZooKeeper();
    } catch (Exception e) {
      log.debug("meta {}: no ZooKeeper handle", id, e);
      return;
    }
    updateLease(zk.getSessionTimeout());
    long session = zk.getSessionId();
    String ourPathBefore = l.getOurPath();
    long sent = System.nanoTime();
    ElectionView view;
    try {
      // Half a period, so that a hung read cannot delay the next check past one period.
      view = reader.read(zk, electionWatcher, checkPeriod.toNanos() / 2);
    } catch (KeeperException | TimeoutException e) {
      log.debug("meta {}: cannot read the election at {}: {}", id, electionPath, e.toString());
      return;
    }
    boolean sameLatch =
        l == latch && Objects.equals(ourPathBefore, l.getOurPath()) && session == zk.getSessionId();
    String ourNode =
        sameLatch && ourPathBefore != null ? ZKPaths.getNodeFromPath(ourPathBefore) : null;
    boolean ownedBySession = session != 0 && view.leaderOwner() == session;
    boolean ours = ourNode != null && ourNode.equals(view.leaderNode()) && ownedBySession;
    String other = null;
    if (!ours && view.hasLeader() && !ownedBySession && !view.leaderId().equals(id)) {
      other = validator.validate(view.leaderId()).orElse(null);
    }
    synchronized (lock) {
      Verdict last = verdict;
      // Never replace newer evidence with older (a check requested by an event may overtake).
      if (generation == startedIn
          && (last.generation() != startedIn || sent - last.sentNanos() > 0)) {
        verdict = new Verdict(startedIn, sent, ours, other);
      }
    }
    if (sameLatch) {
      repair(zk, view, ourNode, ownedBySession);
    }
  }

  /** Puts the election right when this meta's part in it is broken; see the class comment. */
  private void repair(ZooKeeper zk, ElectionView view, String ourNode, boolean leaderIsOurSession) {
    if (ourNode == null) {
      // The latch is joining; give it one session timeout of successful reads before insisting.
      long now = System.nanoTime();
      if (!ourNodeMissing) {
        ourNodeMissing = true;
        ourNodeMissingSince = now;
      } else if (now - ourNodeMissingSince > sessionTimeout.toNanos()) {
        rejoin("its latch has had no node for " + sessionTimeout.toMillis() + " ms");
      }
      return;
    }
    ourNodeMissing = false;
    if (!view.participants().contains(ourNode)) {
      rejoin("its election node " + ourNode + " was deleted");
    } else if (leaderIsOurSession && !ourNode.equals(view.leaderNode())) {
      String stray = ZKPaths.makePath(electionPath, view.leaderNode());
      log.info(
          "meta {}: deleting {}, a node of its own session that its latch no longer uses", id, stray);
      // Asynchronous: the checker thread must not wait on a connection that may be going away.
      zk.delete(
          stray,
          -1,
          (rc, path, ctx) -> {
            if (rc != KeeperException.Code.OK.intValue()) {
              log.debug("meta {}: could not delete {}: {}", id, path, KeeperException.Code.get(rc));
            }
            requestCheck();
          },
          null);
    }
  }

  /** The lease for the negotiated session timeout: never more than half of it. */
  private void updateLease(int negotiatedMillis) {
    if (negotiatedMillis <= 0) {
      return;
    }
    long cap = TimeUnit.MILLISECONDS.toNanos(negotiatedMillis) / 2;
    long effective = Math.min(lease.toNanos(), cap);
    leaseNanos = effective;
    if (effective != announcedLease) {
      announcedLease = effective;
      if (effective < lease.toNanos()) {
        log.warn(
            "meta {}: ZooKeeper granted a {} ms session, so the lease is {} ms instead of {} ms",
            id,
            negotiatedMillis,
            TimeUnit.NANOSECONDS.toMillis(effective),
            lease.toMillis());
      }
      if (effective <= 2 * checkPeriod.toNanos()) {
        log.warn(
            "meta {}: the lease ({} ms) is not more than two check periods ({} ms): the primary"
                + " may answer 503 between checks",
            id,
            TimeUnit.NANOSECONDS.toMillis(effective),
            checkPeriod.toMillis());
      }
    }
  }

  /** Logs when this meta starts or stops answering as the primary, with the reason. */
  private void announce() {
    boolean now = isPrimary();
    if (now == announcedPrimary) {
      return;
    }
    announcedPrimary = now;
    if (now) {
      log.info("meta {} is now the primary (ZooKeeper confirms its node leads {})", id, electionPath);
    } else {
      log.info("meta {} is no longer the primary: {}", id, whyNotPrimary());
    }
  }

  private String whyNotPrimary() {
    Verdict v = verdict;
    if (closed) {
      return "it left the election";
    }
    if (v.generation() != generation) {
      return "its ZooKeeper session was lost";
    }
    if (!fresh(v)) {
      return "no word from ZooKeeper for "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - v.sentNanos())
          + " ms";
    }
    if (!v.ours()) {
      return v.otherPrimary() != null
          ? "ZooKeeper shows " + v.otherPrimary() + " leading"
          : "ZooKeeper shows another node leading";
    }
    return "its latch let go of the lead";
  }

  @Override
  public String toString() {
    return "ZooKeeperMetaLeadership["
        + id
        + " at "
        + connectString
        + electionPath
        + (digest != null ? ", " + digest : "")
        + "]";
  }

  /** Builds a {@link ZooKeeperMetaLeadership}. */
  public static final class Builder {
    private final String connectString;
    private String electionPath = "/pegasus/meta_leader";
    private Duration sessionTimeout = Duration.ofSeconds(30);
    private Duration connectionTimeout = Duration.ofSeconds(10);
    private Duration checkPeriod;
    private Duration lease;
    private ZooKeeperDigest digest;
    private boolean worldReadable;
    private Supplier<? extends Collection<String>> metaServers;

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

    /**
     * The ZooKeeper session timeout; 30 s by default. It bounds how long a crashed primary (one
     * that did not {@link #close}) holds the election.
     */
    public Builder sessionTimeout(Duration timeout) {
      this.sessionTimeout = positive(timeout);
      return this;
    }

    /** How long to wait for a connection before an operation fails; 10 s by default. */
    public Builder connectionTimeout(Duration timeout) {
      this.connectionTimeout = positive(timeout);
      return this;
    }

    /**
     * How often a meta reads the election again besides reacting to every ZooKeeper event; by
     * default 1 s or a quarter of the lease, whichever is shorter. It bounds how long a missed event
     * can go unnoticed; it must be less than half the lease, so that a healthy primary's evidence
     * is renewed before it runs out.
     */
    public Builder checkPeriod(Duration period) {
      this.checkPeriod = positive(period);
      return this;
    }

    /**
     * The former name of {@link #checkPeriod}.
     *
     * @deprecated use {@link #checkPeriod}
     */
    @Deprecated
    public Builder refreshPeriod(Duration period) {
      return checkPeriod(period);
    }

    /**
     * How long evidence from ZooKeeper is trusted, counted from when its read was sent: a primary
     * that hears nothing from ZooKeeper (a blip, {@code SUSPENDED}, a partition) keeps answering
     * for at most this long, and so does a backup's redirect. One third of the session timeout by
     * default; at most half of it (and at run time at most half of the session timeout ZooKeeper
     * negotiated), so that the primary has stopped well before its session can expire and another
     * meta be elected.
     */
    public Builder lease(Duration lease) {
      this.lease = positive(lease);
      return this;
    }

    /**
     * Authenticates with ZooKeeper's {@code digest} scheme and creates every node (the election
     * path's missing parents, the election path, the participant nodes) with an ACL that gives
     * everything to this identity only, so that other clients cannot delete or forge participants.
     * All metas of a cluster must use the same identity. Nodes that already exist keep their ACL.
     */
    public Builder digestAuth(ZooKeeperDigest digest) {
      this.digest = requireNonNull(digest);
      return this;
    }

    /**
     * With {@link #digestAuth}, also lets anybody read the nodes (ZooKeeper's {@code world:anyone
     * r}), so that operators see who leads; off by default.
     */
    public Builder worldReadable(boolean worldReadable) {
      this.worldReadable = worldReadable;
      return this;
    }

    /**
     * The cluster's meta servers ({@code host:port}): a backup redirects only to a leader whose id
     * is one of them, and answers 503 for any other id found in ZooKeeper. Required.
     */
    public Builder metaServers(Collection<String> metaServers) {
      ImmutableList<String> copy = ImmutableList.copyOf(metaServers);
      this.metaServers = () -> copy;
      return this;
    }

    /**
     * As {@link #metaServers(Collection)}, asked anew on every check: for a list that is known only
     * once the metas are bound (ephemeral ports).
     */
    public Builder metaServers(Supplier<? extends Collection<String>> metaServers) {
      this.metaServers = requireNonNull(metaServers);
      return this;
    }

    /** The meta servers of the {@link ClusterFacts} in {@code state}'s current snapshot. */
    public Builder metaServersOf(MetaState state) {
      requireNonNull(state);
      return metaServers(() -> state.snapshot().cluster().metaServers());
    }

    /**
     * Builds the leadership.
     *
     * @throws IllegalStateException without a meta server list, or when the check period, the
     *     lease and the session timeout do not fit (check period &lt; lease / 2, lease &le; session
     *     timeout / 2), or with {@link #worldReadable} but no {@link #digestAuth}
     */
    public ZooKeeperMetaLeadership build() {
      checkState(
          metaServers != null,
          "the meta server list is required (metaServers or metaServersOf): a leader id read from"
              + " ZooKeeper is only used if it names one of them");
      Duration effectiveLease = effectiveLease();
      Duration effectiveCheckPeriod = effectiveCheckPeriod();
      checkState(
          effectiveLease.compareTo(sessionTimeout.dividedBy(2)) <= 0,
          "the lease (%s) must be at most half the session timeout (%s)",
          effectiveLease,
          sessionTimeout);
      checkState(
          effectiveCheckPeriod.multipliedBy(2).compareTo(effectiveLease) < 0,
          "the check period (%s) must be less than half the lease (%s)",
          effectiveCheckPeriod,
          effectiveLease);
      checkState(!worldReadable || digest != null, "worldReadable needs digestAuth");
      return new ZooKeeperMetaLeadership(this);
    }

    private Duration effectiveLease() {
      return lease != null ? lease : sessionTimeout.dividedBy(3);
    }

    private Duration effectiveCheckPeriod() {
      if (checkPeriod != null) {
        return checkPeriod;
      }
      Duration quarter = effectiveLease().dividedBy(4);
      return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? quarter : Duration.ofSeconds(1);
    }

    private static Duration positive(Duration d) {
      checkArgument(!requireNonNull(d).isNegative() && !d.isZero(), "not positive: %s", d);
      return d;
    }
  }
}
