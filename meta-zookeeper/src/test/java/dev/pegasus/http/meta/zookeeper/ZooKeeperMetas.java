package dev.pegasus.http.meta.zookeeper;

import static dev.pegasus.http.testing.Polling.pollUntil;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.testing.TestResponse;
import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.Polling;
import dev.pegasus.http.meta.InMemoryMetaState;
import dev.pegasus.http.meta.MetaFixtures;
import dev.pegasus.http.meta.MetaLeadership;
import dev.pegasus.http.meta.MetaState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Three meta servers on ephemeral ports electing a primary through one in-process ZooKeeper (a
 * {@link ZooKeeperExtension}), each connected through its own {@link TcpProxy} so that a test can
 * cut or freeze one meta's connection, or straight to ZooKeeper. The metas validate leader ids
 * against the addresses of the metas started so far. Closing it closes every meta still listed.
 */
final class ZooKeeperMetas implements AutoCloseable {

  /** The check period of the metas' leadership. */
  static final Duration CHECK_PERIOD = Duration.ofMillis(250);

  private static final int COUNT = 3;

  /**
   * One meta server, its leadership and its path to ZooKeeper: its own proxy, or null if it
   * connects straight to ZooKeeper.
   */
  record Meta(PegasusHttpServer server, ZooKeeperMetaLeadership leadership, TcpProxy proxy) {
    String address() {
      return "127.0.0.1:" + server.port();
    }

    TestResponse get(String target) {
      return HttpCalls.get(server, target);
    }

    void close() {
      leadership.close();
      server.close();
      if (proxy != null) {
        proxy.close();
      }
    }

    @Override
    public String toString() {
      return address();
    }
  }

  private final List<Meta> metas = new CopyOnWriteArrayList<>();
  private final List<String> known = new CopyOnWriteArrayList<>();

  /**
   * Starts three metas at {@code electionPath}, each connected through its own {@link TcpProxy},
   * each leadership built by {@code options} from a builder that already has the path, the proxy's
   * connect string, the meta list, the session and connection timeouts of {@link
   * ZooKeeperExtension} and {@link #CHECK_PERIOD}.
   */
  static ZooKeeperMetas start(
      ZooKeeperExtension zk,
      String electionPath,
      UnaryOperator<ZooKeeperMetaLeadership.Builder> options) {
    return start(zk, electionPath, true, options);
  }

  /** As {@link #start}, but each meta connects straight to ZooKeeper, without a proxy. */
  static ZooKeeperMetas startDirect(
      ZooKeeperExtension zk,
      String electionPath,
      UnaryOperator<ZooKeeperMetaLeadership.Builder> options) {
    return start(zk, electionPath, false, options);
  }

  private static ZooKeeperMetas start(
      ZooKeeperExtension zk,
      String electionPath,
      boolean proxied,
      UnaryOperator<ZooKeeperMetaLeadership.Builder> options) {
    ZooKeeperMetas cluster = new ZooKeeperMetas();
    InMemoryMetaState state = new InMemoryMetaState(MetaFixtures.seedCluster());
    try {
      for (int i = 0; i < COUNT; i++) {
        TcpProxy proxy = proxied ? new TcpProxy(zk.server().getPort()) : null;
        // The metas bind ephemeral ports, so the list they validate leader ids against grows as
        // they start, as the onebox's does.
        ZooKeeperMetaLeadership leadership =
            options
                .apply(
                    ZooKeeperMetaLeadership.builder(
                            proxied ? proxy.connectString() : zk.connectString())
                        .electionPath(electionPath)
                        .metaServers(() -> cluster.known)
                        .sessionTimeout(ZooKeeperExtension.SESSION_TIMEOUT)
                        .connectionTimeout(ZooKeeperExtension.CONNECTION_TIMEOUT)
                        .checkPeriod(CHECK_PERIOD))
                .build();
        PegasusHttpServer server =
            PegasusHttpServer.builder()
                .port(0)
                .service(Clock.class, Clock.system(MetaFixtures.ZONE))
                .configure(c -> c.accessLog(false))
                .role("meta")
                .service(MetaState.class, state)
                .service(MetaLeadership.class, leadership)
                .build()
                .start();
        Meta meta = new Meta(server, leadership, proxy);
        cluster.known.add(meta.address());
        cluster.metas.add(meta);
      }
    } catch (IOException e) {
      cluster.close();
      throw new UncheckedIOException(e);
    }
    return cluster;
  }

  /** The metas in start order; a test that closes one itself removes it here. */
  List<Meta> metas() {
    return metas;
  }

  /** The addresses a redirect may name. */
  List<String> addresses() {
    return known;
  }

  /** The metas other than {@code meta}. */
  List<Meta> others(Meta meta) {
    List<Meta> rest = new ArrayList<>(metas);
    rest.remove(meta);
    return rest;
  }

  /**
   * Waits until exactly one meta answers {@code /meta/cluster} with 200 and every other one
   * redirects to it, and returns it.
   */
  Meta settledPrimary(Duration deadline) {
    return pollUntil(
            "one primary that every other meta redirects to, among " + metas,
            deadline,
            this::agreedPrimary,
            Optional::isPresent)
        .orElseThrow();
  }

  /** As {@link #settledPrimary}, for a primary other than {@code old}. */
  Meta settledPrimaryOtherThan(Meta old, Duration deadline) {
    return pollUntil(
            "one primary other than " + old + " that every other meta redirects to, among " + metas,
            deadline,
            this::agreedPrimary,
            p -> p.isPresent() && p.get() != old)
        .orElseThrow();
  }

  private Optional<Meta> agreedPrimary() {
    List<Meta> primaries = new ArrayList<>();
    List<TestResponse> answers = new ArrayList<>();
    for (Meta m : metas) {
      TestResponse r = m.get("/meta/cluster");
      answers.add(r);
      if (r.status() == 200) {
        primaries.add(m);
      }
    }
    if (primaries.size() != 1) {
      return Optional.empty();
    }
    Meta primary = primaries.get(0);
    String location = "http://" + primary.address() + "/meta/cluster";
    for (int i = 0; i < metas.size(); i++) {
      if (metas.get(i) != primary
          && (answers.get(i).status() != 307
              || !answers.get(i).header("Location").equals(Optional.of(location)))) {
        return Optional.empty();
      }
    }
    return Optional.of(primary);
  }

  @Override
  public void close() {
    metas.forEach(Meta::close);
  }
}
