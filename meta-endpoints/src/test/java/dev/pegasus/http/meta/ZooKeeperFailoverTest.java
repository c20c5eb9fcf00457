package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.pegasus.http.core.testing.EndpointTesting.pollUntil;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.testing.EndpointTesting;
import dev.pegasus.http.core.testing.EndpointTesting.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three meta servers elect a primary through an in-process ZooKeeper: the backups redirect all
 * seven endpoints to it, a closed primary is replaced within the session timeout, and while
 * ZooKeeper is down nobody redirects (503) until it is back.
 */
final class ZooKeeperFailoverTest {

  /** ZooKeeper grants sessions of 2 to 20 ticks; 250 ms ticks allow the short sessions below. */
  private static final int TICK_MILLIS = 250;

  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(4);
  private static final Duration SETTLE = Duration.ofSeconds(15);
  private static final AtomicInteger ELECTIONS = new AtomicInteger();

  /** One meta server and its leadership. */
  private record Meta(PegasusHttpServer server, ZooKeeperMetaLeadership leadership) {
    String address() {
      return "127.0.0.1:" + server.port();
    }

    Response get(String target) {
      return EndpointTesting.get(server, target);
    }

    void close() {
      leadership.close();
      server.close();
    }
  }

  static TestingServer zk;
  final List<Meta> metas = new ArrayList<>();

  @BeforeAll
  static void startZooKeeper() throws Exception {
    zk = new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, TICK_MILLIS, -1), true);
  }

  @AfterAll
  static void stopZooKeeper() throws Exception {
    zk.close();
  }

  @BeforeEach
  void startThreeMetas() {
    // A fresh election path per test, so that one test's leftovers cannot elect anybody in the
    // next.
    String path = "/pegasus/failover-test/meta_leader_" + ELECTIONS.incrementAndGet();
    InMemoryMetaState state = new InMemoryMetaState(MetaFixtures.seedCluster());
    // The metas bind ephemeral ports, so the list they validate leader ids against grows as they
    // start, as the onebox's does.
    List<String> known = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 3; i++) {
      ZooKeeperMetaLeadership leadership =
          ZooKeeperMetaLeadership.builder(zk.getConnectString())
              .electionPath(path)
              .sessionTimeout(SESSION_TIMEOUT)
              .connectionTimeout(Duration.ofSeconds(2))
              .checkPeriod(Duration.ofMillis(250))
              .metaServers(() -> known)
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
      Meta meta = new Meta(server, leadership);
      known.add(meta.address());
      metas.add(meta);
    }
  }

  @AfterEach
  void closeMetas() {
    metas.forEach(Meta::close);
  }

  @Test
  void exactlyOneIsPrimaryAndTheOthersRedirectAllSevenToIt() {
    Meta primary = settledPrimary(metas);
    String named = clusterPrimaryOf(primary);
    assertThat(named).isEqualTo(primary.address());
    for (Meta backup : metas) {
      if (backup == primary) {
        continue;
      }
      assertThat(backup.leadership().isPrimary()).isFalse();
      for (String target : PrimaryRedirectTest.ALL_SEVEN) {
        Response r = backup.get(target);
        assertWithMessage("%s on backup %s", target, backup.address())
            .that(r.status())
            .isEqualTo(307);
        assertThat(r.header("Location")).hasValue("http://" + named + target);
      }
    }
    for (String target : PrimaryRedirectTest.ALL_SEVEN) {
      assertWithMessage("%s on the primary", target)
          .that(primary.get(target).status())
          .isEqualTo(200);
    }
  }

  @Test
  void closingThePrimaryMovesTheRedirectWithinTheSessionTimeout() {
    Meta old = settledPrimary(metas);
    List<Meta> rest = new ArrayList<>(metas);
    rest.remove(old);
    old.close();
    metas.remove(old);
    long start = System.nanoTime();
    Meta next = settledPrimary(rest, SESSION_TIMEOUT);
    assertThat(next).isNotEqualTo(old);
    Meta backup = rest.get(0) == next ? rest.get(1) : rest.get(0);
    Response r = backup.get("/meta/apps?detail");
    assertThat(r.status()).isEqualTo(307);
    assertThat(r.header("Location"))
        .hasValue("http://" + clusterPrimaryOf(next) + "/meta/apps?detail");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SESSION_TIMEOUT);
  }

  @Test
  void zooKeeperOutageTurnsAnswersInto503UntilItReturns() throws Exception {
    settledPrimary(metas);
    zk.stop();
    try {
      for (Meta m : metas) {
        Response r =
            pollUntil(
                "503 from " + m.address() + " without ZooKeeper",
                SETTLE,
                () -> m.get("/meta/cluster"),
                resp -> resp.status() == 503);
        assertThat(r.header("Retry-After")).hasValue("1");
        assertThat(m.leadership().primary()).isEmpty();
        assertThat(m.leadership().isPrimary()).isFalse();
      }
    } finally {
      zk.restart();
    }
    Meta primary = settledPrimary(metas);
    for (Meta m : metas) {
      Response r = m.get("/meta/nodes");
      if (m == primary) {
        assertThat(r.status()).isEqualTo(200);
      } else {
        assertThat(r.status()).isEqualTo(307);
        assertThat(r.header("Location")).hasValue("http://" + primary.address() + "/meta/nodes");
      }
    }
  }

  private static Meta settledPrimary(List<Meta> metas) {
    return settledPrimary(metas, SETTLE);
  }

  /**
   * Waits until exactly one meta is primary and every other one names it as the primary, and
   * returns it.
   */
  private static Meta settledPrimary(List<Meta> metas, Duration deadline) {
    Optional<Meta> settled =
        pollUntil(
            "one primary that every meta agrees on among " + metas,
            deadline,
            () -> agreedPrimary(metas),
            Optional::isPresent);
    return settled.orElseThrow();
  }

  private static Optional<Meta> agreedPrimary(List<Meta> metas) {
    List<Meta> primaries = metas.stream().filter(m -> m.leadership().isPrimary()).toList();
    if (primaries.size() != 1) {
      return Optional.empty();
    }
    Meta primary = primaries.get(0);
    for (Meta m : metas) {
      if (!m.leadership().primary().equals(Optional.of(primary.address()))) {
        return Optional.empty();
      }
    }
    return Optional.of(primary);
  }

  /** The primary named by {@code /meta/cluster} of the primary itself. */
  private static String clusterPrimaryOf(Meta primary) {
    String body = primary.get("/meta/cluster").body();
    String key = "\"primary_meta_server\":\"";
    int start = body.indexOf(key) + key.length();
    return body.substring(start, body.indexOf('"', start));
  }
}
