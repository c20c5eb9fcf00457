package dev.pegasus.http.core.internal;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.TlsSettings;
import dev.pegasus.http.core.testing.TestCertificates;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
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

  private static final TlsSettings WITH_CLIENT_CA =
      TlsSettings.pem(Path.of("server.pem"), Path.of("server.key")).withClientCa(Path.of("ca.pem"));
  private static final Optional<X509Certificate> VERIFIED =
      Optional.of(TestCertificates.authority("ops CA").client("ops").certificate());

  @Test
  void aVerifiedClientCertificateAdmitsRemoteClientsLikeTheToken() throws Exception {
    policy(ServerConfig.builder().tls(WITH_CLIENT_CA)).check(SENSITIVE, address("10.1.2.3"), Optional.empty(), VERIFIED);
    policy(ServerConfig.builder().tls(WITH_CLIENT_CA).adminToken(TOKEN))
        .check(SENSITIVE, address("192.168.0.7"), Optional.empty(), VERIFIED);
    policy(ServerConfig.builder().tls(WITH_CLIENT_CA).trustLoopback(false))
        .check(SENSITIVE, address("127.0.0.1"), Optional.empty(), VERIFIED);
  }

  @Test
  void withoutAClientCertificateRemoteClientsAreRefused() throws Exception {
    EndpointException e =
        assertThrows(
            EndpointException.class,
            () -> policy(ServerConfig.builder().tls(WITH_CLIENT_CA))
                .check(SENSITIVE, address("10.1.2.3"), Optional.empty(), Optional.empty()));
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.getMessage())
        .isEqualTo("/pprof/profile needs, from non-loopback clients, a client certificate from the configured CA");
    EndpointException withToken =
        assertThrows(
            EndpointException.class,
            () -> policy(ServerConfig.builder().tls(WITH_CLIENT_CA).adminToken(TOKEN))
                .check(SENSITIVE, address("10.1.2.3"), Optional.empty(), Optional.empty()));
    assertThat(withToken.status()).isEqualTo(401);
    assertThat(withToken.getMessage()).contains("or a client certificate from the configured CA");
  }

  @Test
  void aCertificateIsIgnoredWhenNoClientCaVerifiedIt() throws Exception {
    // Without a client CA nothing verified the certificate: it proves nothing.
    TlsSettings noClientCa = TlsSettings.pem(Path.of("server.pem"), Path.of("server.key"));
    EndpointException e =
        assertThrows(
            EndpointException.class,
            () -> policy(ServerConfig.builder().tls(noClientCa))
                .check(SENSITIVE, address("10.1.2.3"), Optional.empty(), VERIFIED));
    assertThat(e.status()).isEqualTo(403);
  }

  @Test
  void publicEndpointsNeedNoCertificate() throws Exception {
    policy(ServerConfig.builder().tls(WITH_CLIENT_CA).trustLoopback(false))
        .check(PLAIN, address("10.1.2.3"), Optional.empty(), Optional.empty());
  }
}
