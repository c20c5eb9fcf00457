package dev.pegasus.http.core.internal;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may call a sensitive endpoint, with forged remote addresses. */
final class AccessPolicyTest {

  private static final String TOKEN = "s3cret-admin-token-0123";
  private static final EndpointSpec SENSITIVE =
      EndpointSpec.builder("/pprof/profile").summary("CPU profile.").sensitive().build();
  private static final EndpointSpec PLAIN = EndpointSpec.builder("/version").summary("v").build();

  private static InetAddress address(String ip) throws Exception {
    return InetAddress.getByName(ip);
  }

  private static AccessPolicy policy(ServerConfig.Builder config) {
    return new AccessPolicy(config.build());
  }

  @Test
  void loopbackClientsAreAdmitted() throws Exception {
    AccessPolicy p = policy(ServerConfig.builder());
    p.check(SENSITIVE, address("127.0.0.1"), Optional.empty());
    p.check(SENSITIVE, address("127.8.9.10"), Optional.empty());
    p.check(SENSITIVE, address("::1"), Optional.empty());
  }

  @Test
  void remoteClientsAreRefusedWithoutAToken() throws Exception {
    EndpointException e =
        assertThrows(
            EndpointException.class,
            () -> policy(ServerConfig.builder()).check(SENSITIVE, address("10.1.2.3"), Optional.empty()));
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.getMessage())
        .isEqualTo("/pprof/profile is served to loopback clients only; configure an admin token to allow remote clients");
  }

  @Test
  void nonSensitiveEndpointsAreOpen() throws Exception {
    policy(ServerConfig.builder()).check(PLAIN, address("10.1.2.3"), Optional.empty());
  }

  @Test
  void theTokenAdmitsRemoteClientsAsBearerOrBasicPassword() throws Exception {
    AccessPolicy p = policy(ServerConfig.builder().adminToken(TOKEN));
    p.check(SENSITIVE, address("10.1.2.3"), Optional.of("Bearer " + TOKEN));
    p.check(SENSITIVE, address("10.1.2.3"), Optional.of("bearer   " + TOKEN));
    String basic = Base64.getEncoder().encodeToString(("admin:" + TOKEN).getBytes(StandardCharsets.UTF_8));
    p.check(SENSITIVE, address("192.168.0.7"), Optional.of("Basic " + basic));
  }

  @Test
  void aMissingOrWrongTokenIs401WithAChallenge() throws Exception {
    AccessPolicy p = policy(ServerConfig.builder().adminToken(TOKEN));
    EndpointException missing =
        assertThrows(EndpointException.class, () -> p.check(SENSITIVE, address("10.1.2.3"), Optional.empty()));
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.headers().get("WWW-Authenticate")).containsExactly("Bearer realm=\"pegasus-http\"");
    EndpointException wrong =
        assertThrows(
            EndpointException.class,
            () -> p.check(SENSITIVE, address("10.1.2.3"), Optional.of("Bearer nope")));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.getMessage()).contains("not valid");
    assertThrows(
        EndpointException.class,
        () -> p.check(SENSITIVE, address("10.1.2.3"), Optional.of("Basic !!!not-base64")));
    assertThrows(
        EndpointException.class,
        () -> p.check(SENSITIVE, address("10.1.2.3"), Optional.of("Digest " + TOKEN)));
  }

  @Test
  void behindALocalProxyLoopbackNeedsTheTokenToo() throws Exception {
    AccessPolicy p = policy(ServerConfig.builder().adminToken(TOKEN).trustLoopback(false));
    EndpointException e =
        assertThrows(EndpointException.class, () -> p.check(SENSITIVE, address("127.0.0.1"), Optional.empty()));
    assertThat(e.status()).isEqualTo(401);
    p.check(SENSITIVE, address("127.0.0.1"), Optional.of("Bearer " + TOKEN));
    EndpointException none =
        assertThrows(
            EndpointException.class,
            () -> policy(ServerConfig.builder().trustLoopback(false)).check(SENSITIVE, address("127.0.0.1"), Optional.empty()));
    assertThat(none.status()).isEqualTo(403);
    assertThat(none.getMessage()).isEqualTo("/pprof/profile needs the admin token, and none is configured");
  }

  @Test
  void anOpenedServerAdmitsEveryone() throws Exception {
    policy(ServerConfig.builder().sensitiveOpenToAll(true)).check(SENSITIVE, address("10.1.2.3"), Optional.empty());
  }

  @Test
  void shortTokensAreRejectedAtConfiguration() {
    assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().adminToken("short"));
  }
}
