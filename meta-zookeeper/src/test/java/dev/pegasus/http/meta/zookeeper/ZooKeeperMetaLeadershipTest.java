package dev.pegasus.http.meta.zookeeper;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.testing.TestResponse;
import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.Polling;
import dev.pegasus.http.meta.InMemoryMetaState;
import dev.pegasus.http.meta.MetaFixtures;
import dev.pegasus.http.meta.MetaLeadership;
import dev.pegasus.http.meta.MetaState;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ZooKeeper leadership's life cycle, without a reachable ZooKeeper. */
final class ZooKeeperMetaLeadershipTest {

  /** A local port nothing listens on. */
  private static String deadZooKeeper() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return "127.0.0.1:" + s.getLocalPort();
    }
  }

  private static ZooKeeperMetaLeadership leadership(String connect) {
    return ZooKeeperMetaLeadership.builder(connect)
        .sessionTimeout(Duration.ofSeconds(4))
        .connectionTimeout(Duration.ofSeconds(1))
        .metaServers(List.of())
        .build();
  }

  @Test
  void unreachableZooKeeperMeans503AtOnce() throws IOException {
    ZooKeeperMetaLeadership leadership = leadership(deadZooKeeper());
    try (PegasusHttpServer server =
        PegasusHttpServer.builder().port(0).configure(c -> c.accessLog(false))
            .role("meta")
            .service(MetaState.class, new InMemoryMetaState(MetaFixtures.seedCluster()))
            .service(MetaLeadership.class, leadership)
            .build()
            .start()) {
      assertThat(leadership.participantId()).hasValue("127.0.0.1:" + server.port());
      assertThat(leadership.isPrimary()).isFalse();
      assertThat(leadership.primary()).isEmpty();
      TestResponse r = HttpCalls.get(server, "/meta/apps");
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.header("Retry-After")).hasValue("1");
      assertThat(HttpCalls.get(server, "/version").status()).isEqualTo(200);
    } finally {
      leadership.close();
    }
  }

  @Test
  void beforeStartNoPrimaryIsKnown() throws IOException {
    ZooKeeperMetaLeadership leadership = leadership(deadZooKeeper());
    assertThat(leadership.isPrimary()).isFalse();
    assertThat(leadership.primary()).isEmpty();
    assertThat(leadership.participantId()).isEmpty();
    leadership.close();
  }

  @Test
  void startsOnceAndNotAfterClose() throws IOException {
    ZooKeeperMetaLeadership leadership = leadership(deadZooKeeper());
    leadership.start("127.0.0.1:1");
    assertThrows(IllegalStateException.class, () -> leadership.start("127.0.0.1:1"));
    leadership.close();
    leadership.close();
    ZooKeeperMetaLeadership closed = leadership(deadZooKeeper());
    closed.close();
    assertThrows(IllegalStateException.class, () -> closed.start("127.0.0.1:2"));
  }

  @Test
  void builderRejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> ZooKeeperMetaLeadership.builder(" "));
    assertThrows(
        IllegalArgumentException.class,
        () -> ZooKeeperMetaLeadership.builder("z:1").electionPath("no/slash"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ZooKeeperMetaLeadership.builder("z:1").sessionTimeout(Duration.ZERO));
  }

  @Test
  void builderNeedsTheMetaListAndTimingsThatFit() {
    assertThrows(IllegalStateException.class, () -> ZooKeeperMetaLeadership.builder("z:1").build());
    ZooKeeperMetaLeadership.Builder ok =
        ZooKeeperMetaLeadership.builder("z:1")
            .metaServers(List.of("127.0.0.1:1"))
            .sessionTimeout(Duration.ofSeconds(4));
    ok.build().close(); // lease 4/3 s, check period a quarter of it
    assertThrows(IllegalStateException.class, () -> ok.lease(Duration.ofMillis(2001)).build());
    assertThrows(
        IllegalStateException.class,
        () -> ok.lease(Duration.ofSeconds(2)).checkPeriod(Duration.ofSeconds(1)).build());
    ok.lease(Duration.ofSeconds(2)).checkPeriod(Duration.ofMillis(999)).build().close();
    assertThrows(IllegalStateException.class, () -> ok.worldReadable(true).build());
    ok.digestAuth(ZooKeeperDigest.of("u", "p")).build().close();
  }

  @Test
  void digestIdentitiesAreCheckedAndKeepTheirPasswordToThemselves() {
    assertThrows(IllegalArgumentException.class, () -> ZooKeeperDigest.of("a:b", "p"));
    assertThrows(IllegalArgumentException.class, () -> ZooKeeperDigest.of("", "p"));
    assertThrows(IllegalArgumentException.class, () -> ZooKeeperDigest.of("u", ""));
    ZooKeeperDigest random = ZooKeeperDigest.withRandomPassword("onebox");
    String secret = new String(random.authInfo(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(secret).startsWith("onebox:");
    assertThat(secret.length()).isAtLeast("onebox:".length() + 32);
    assertThat(random.toString()).isEqualTo("digest user onebox");
    assertThat(ZooKeeperDigest.withRandomPassword("onebox").authInfo())
        .isNotEqualTo(random.authInfo());
    ZooKeeperMetaLeadership leadership =
        ZooKeeperMetaLeadership.builder("z:1")
            .metaServers(List.of())
            .digestAuth(random)
            .build();
    assertThat(leadership.toString()).doesNotContain(secret.substring("onebox:".length()));
    leadership.close();
  }
}
