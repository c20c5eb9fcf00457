package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.PegasusHttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Finding a meta that answers: redirects to the primary, failover on errors and 503. */
final class MetaClientTest {

  private final List<PegasusHttpServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(PegasusHttpServer::close);
  }

  @Test
  void aBackupsRedirectIsFollowedToThePrimary() throws Exception {
    PegasusHttpServer primary = meta(new MetaStub().node("127.0.0.1:1", true));
    PegasusHttpServer backup = meta(new MetaStub().redirectTo(address(primary)));
    MetaClient.MetaResponse r = client(address(backup)).get("/meta/nodes");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.from()).isEqualTo(address(primary));
    assertThat(r.body()).contains("127.0.0.1:1");
  }

  @Test
  void theQueryIsKeptAcrossTheRedirect() throws Exception {
    PegasusHttpServer primary =
        meta(new MetaStub().table(7, "my table", MetaStub.Partition.of("127.0.0.1:1")));
    PegasusHttpServer backup = meta(new MetaStub().redirectTo(address(primary)));
    MetaClient.MetaResponse r =
        client(address(backup)).get("/meta/app?name=" + QueryEncoding.encode("my table") + "&detail");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("\"app_name\":\"my table\"");
  }

  @Test
  void aDeadOrUnavailableMetaIsSkipped() throws Exception {
    PegasusHttpServer primary = meta(new MetaStub());
    PegasusHttpServer unavailable = meta(new MetaStub().noPrimary(true));
    MetaClient client = client(deadAddress(), address(unavailable), address(primary));
    assertThat(client.get("/meta/apps").from()).isEqualTo(address(primary));
  }

  @Test
  void theMetaThatAnsweredLastIsAskedFirst() throws Exception {
    PegasusHttpServer primary = meta(new MetaStub());
    PegasusHttpServer backup = meta(new MetaStub().redirectTo(address(primary)));
    MetaClient client = client(address(backup));
    client.get("/meta/apps");
    backup.close(); // the primary is still known
    assertThat(client.get("/meta/apps").from()).isEqualTo(address(primary));
  }

  @Test
  void otherStatusesAreAnswers() throws Exception {
    PegasusHttpServer primary = meta(new MetaStub());
    MetaClient.MetaResponse r = client(address(primary)).get("/meta/app?name=nope");
    assertThat(r.status()).isEqualTo(404);
  }

  @Test
  void noAnsweringMetaIsAnError() throws Exception {
    PegasusHttpServer unavailable = meta(new MetaStub().noPrimary(true));
    MetaUnavailableException e =
        assertThrows(
            MetaUnavailableException.class,
            () -> client(deadAddress(), address(unavailable)).get("/meta/nodes"));
    assertThat(e.getMessage()).contains("503");
  }

  @Test
  void aRedirectLoopIsGivenUp() throws Exception {
    MetaStub first = new MetaStub();
    MetaStub second = new MetaStub();
    PegasusHttpServer one = meta(first);
    PegasusHttpServer two = meta(second);
    first.redirectTo(address(two));
    second.redirectTo(address(one));
    MetaUnavailableException e =
        assertThrows(MetaUnavailableException.class, () -> client(address(one)).get("/meta/nodes"));
    assertThat(e.getMessage()).contains("unusable redirect");
  }

  @Test
  void aRedirectToAnUnknownLeaderMovesOn() throws Exception {
    // Pegasus's backup names "invalid address" when it does not know the primary.
    PegasusHttpServer confused = meta(new MetaStub().redirectTo("invalid address"));
    PegasusHttpServer primary = meta(new MetaStub());
    assertThat(client(address(confused), address(primary)).get("/meta/nodes").from())
        .isEqualTo(address(primary));
  }

  @Test
  void redirectAuthoritiesAreParsedStrictly() {
    assertThat(MetaClient.authorityOf("http://127.0.0.1:34601/meta/app?detail=&name=temp"))
        .hasValue("127.0.0.1:34601");
    assertThat(MetaClient.authorityOf("HTTP://meta1:34601")).hasValue("meta1:34601");
    assertThat(MetaClient.authorityOf("http://invalid address/meta/app")).isEmpty();
    assertThat(MetaClient.authorityOf("http://127.0.0.1/meta/app")).isEmpty();
    // an HTTPS cluster redirects with https://; the collector goes on with its own scheme
    assertThat(MetaClient.authorityOf("https://127.0.0.1:1/")).hasValue("127.0.0.1:1");
    assertThat(MetaClient.authorityOf("ftp://127.0.0.1:1/")).isEmpty();
    assertThat(MetaClient.authorityOf("/meta/app")).isEmpty();
  }

  @Test
  void queryValuesArePercentEncoded() {
    assertThat(QueryEncoding.encode("replica*")).isEqualTo("replica%2A");
    assertThat(QueryEncoding.encode("a b&c=d#e")).isEqualTo("a%20b%26c%3Dd%23e");
    assertThat(QueryEncoding.encode("t-1_x.y~")).isEqualTo("t-1_x.y~");
  }

  private PegasusHttpServer meta(MetaStub stub) {
    PegasusHttpServer s =
        PegasusHttpServer.builder().role("meta").port(0).service(MetaStub.class, stub)
            .configure(c -> c.accessLog(false)).build().start();
    servers.add(s);
    return s;
  }

  private static String address(PegasusHttpServer s) {
    return "127.0.0.1:" + s.port();
  }

  /** A port nothing listens on (bound, then released). */
  static String deadAddress() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return "127.0.0.1:" + s.getLocalPort();
    }
  }

  private static MetaClient client(String... metas) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    return new MetaClient(new HttpFetcher(http, Duration.ofSeconds(5)), List.of(metas));
  }
}
