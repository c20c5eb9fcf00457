package dev.pegasus.http.meta.zookeeper;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.pegasus.http.testing.Polling.pollUntil;
import static dev.pegasus.http.meta.zookeeper.ZooKeeperExtension.SESSION_TIMEOUT;

import dev.pegasus.http.testing.TestResponse;
import dev.pegasus.http.meta.MetaFixtures;
import dev.pegasus.http.meta.zookeeper.ZooKeeperMetas.Meta;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three meta servers elect a primary through an in-process ZooKeeper: the backups redirect all
 * seven endpoints to it, a closed primary is replaced within the session timeout, and while
 * ZooKeeper is down nobody redirects (503) until it is back.
 */
final class ZooKeeperFailoverTest {

  private static final Duration SETTLE = Duration.ofSeconds(15);

  @RegisterExtension static final ZooKeeperExtension zk = new ZooKeeperExtension();
  ZooKeeperMetas cluster;

  @BeforeEach
  void startThreeMetas() {
    // A fresh election path per test, so that one test's leftovers cannot elect anybody in the
    // next.
    String path = zk.freshPath("/pegasus/failover-test/meta_leader_%d");
    cluster = ZooKeeperMetas.startDirect(zk, path, b -> b);
  }

  @AfterEach
  void closeMetas() {
    cluster.close();
  }

  @Test
  void exactlyOneIsPrimaryAndTheOthersRedirectAllSevenToIt() {
    Meta primary = settledPrimary(cluster.metas());
    String named = clusterPrimaryOf(primary);
    assertThat(named).isEqualTo(primary.address());
    for (Meta backup : cluster.metas()) {
      if (backup == primary) {
        continue;
      }
      assertThat(backup.leadership().isPrimary()).isFalse();
      for (String target : MetaFixtures.ALL_SEVEN) {
        TestResponse r = backup.get(target);
        assertWithMessage("%s on backup %s", target, backup.address())
            .that(r.status())
            .isEqualTo(307);
        assertThat(r.header("Location")).hasValue("http://" + named + target);
      }
    }
    for (String target : MetaFixtures.ALL_SEVEN) {
      assertWithMessage("%s on the primary", target)
          .that(primary.get(target).status())
          .isEqualTo(200);
    }
  }

  @Test
  void closingThePrimaryMovesTheRedirectWithinTheSessionTimeout() {
    Meta old = settledPrimary(cluster.metas());
    List<Meta> rest = cluster.others(old);
    old.close();
    cluster.metas().remove(old);
    long start = System.nanoTime();
    Meta next = settledPrimary(rest, SESSION_TIMEOUT);
    assertThat(next).isNotEqualTo(old);
    Meta backup = rest.get(0) == next ? rest.get(1) : rest.get(0);
    TestResponse r = backup.get("/meta/apps?detail");
    assertThat(r.status()).isEqualTo(307);
    assertThat(r.header("Location"))
        .hasValue("http://" + clusterPrimaryOf(next) + "/meta/apps?detail");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SESSION_TIMEOUT);
  }

  @Test
  void zooKeeperOutageTurnsAnswersInto503UntilItReturns() throws Exception {
    settledPrimary(cluster.metas());
    zk.server().stop();
    try {
      for (Meta m : cluster.metas()) {
        TestResponse r =
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
      zk.server().restart();
    }
    Meta primary = settledPrimary(cluster.metas());
    for (Meta m : cluster.metas()) {
      TestResponse r = m.get("/meta/nodes");
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
