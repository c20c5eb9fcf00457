package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static dev.pegasus.http.testing.HttpCalls.send;

import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;
import dev.pegasus.http.testing.TestResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Write operations: who may call them, from where, with which method, and their audit lines. */
final class WriteOperationsTest {

  static final String TOKEN = "write-token-0123456789";

  private final AtomicInteger applied = new AtomicInteger();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureLog() {
    originalErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLog() {
    System.setErr(originalErr);
  }

  private List<String> auditLines() {
    return Arrays.stream(err.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(l -> l.contains("dev.pegasus.http.audit"))
        .toList();
  }

  private HttpEndpoint write(String path, boolean allowGet) {
    EndpointSpec.Builder spec =
        EndpointSpec.builder(path)
            .summary("Changes something.")
            .parameter(Parameter.string("value", "v"))
            .parameter(Parameter.string("password", "p"))
            .changesState();
    if (allowGet) {
      spec.allowGet();
    }
    EndpointSpec built = spec.build();
    return new HttpEndpoint() {
      @Override
      public EndpointSpec spec() {
        return built;
      }

      @Override
      public HttpResponse handle(HttpRequest request) {
        applied.incrementAndGet();
        return HttpResponse.text("applied\n");
      }
    };
  }

  private PegasusHttpServer server(boolean trustLoopback) {
    return PegasusHttpServer.builder()
        .endpoint(write("/test/change", false))
        .endpoint(write("/test/getchange", true))
        .configure(c -> c.adminToken(TOKEN).trustLoopback(trustLoopback))
        .build()
        .start();
  }

  @Test
  void aCurlLikeRequestIsAdmittedAndAuditedOnce() {
    try (PegasusHttpServer server = server(true)) {
      TestResponse r = send("POST", server.url() + "/test/change?value=1&password=hunter2", "");
      assertThat(r.status()).isEqualTo(200);
      assertThat(applied.get()).isEqualTo(1);
      List<String> lines = auditLines();
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0)).contains("admitted=loopback method=POST path=/test/change");
      assertThat(lines.get(0)).contains("value=\"1\"");
      assertThat(lines.get(0)).contains("password=******");
      assertThat(lines.get(0)).endsWith("status=200");
      assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("hunter2");
    }
  }

  @Test
  void crossSiteBrowserRequestsAreRefusedEvenFromLoopback() {
    try (PegasusHttpServer server = server(true)) {
      TestResponse evil = send("POST", server.url() + "/test/change", "", "Origin", "http://evil.example");
      assertThat(evil.status()).isEqualTo(403);
      assertThat(evil.body()).contains("refused to cross-site browser requests (Origin: http://evil.example)");
      TestResponse site = send("POST", server.url() + "/test/change", "", "Sec-Fetch-Site", "cross-site");
      assertThat(site.status()).isEqualTo(403);
      assertThat(send("POST", server.url() + "/test/change", "", "Origin", "null").status()).isEqualTo(403);
      assertThat(applied.get()).isEqualTo(0);
      // the page's own origin, and a typed URL, are not cross-site
      assertThat(send("POST", server.url() + "/test/change", "", "Origin", server.url()).status()).isEqualTo(200);
      assertThat(send("POST", server.url() + "/test/change", "", "Sec-Fetch-Site", "same-origin").status())
          .isEqualTo(200);
      assertThat(auditLines()).hasSize(5);
      assertThat(auditLines().get(0)).endsWith("status=403");
    }
  }

  @Test
  void getIsRefusedUnlessTheSpecAllowsIt() {
    try (PegasusHttpServer server = server(true)) {
      TestResponse r = get(server, "/test/change?value=1");
      assertThat(r.status()).isEqualTo(405);
      assertThat(r.header("Allow")).hasValue("POST");
      assertThat(get(server, "/test/getchange?value=1").status()).isEqualTo(200);
      assertThat(send("GET", server.url() + "/test/getchange", null, "Sec-Fetch-Site", "cross-site").status())
          .isEqualTo(403);
    }
  }

  @Test
  void withoutLoopbackTrustTheTokenAdmits() {
    try (PegasusHttpServer server = server(false)) {
      assertThat(send("POST", server.url() + "/test/change", "").status()).isEqualTo(401);
      TestResponse r =
          send("POST", server.url() + "/test/change", "", "Authorization", "Bearer " + TOKEN);
      assertThat(r.status()).isEqualTo(200);
      assertThat(auditLines().get(0)).contains("admitted=refused");
      assertThat(auditLines().get(0)).endsWith("status=401");
      assertThat(auditLines().get(1)).contains("admitted=token");
      assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
    }
  }

  @Test
  void theIndexMarksWriteOperations() {
    try (PegasusHttpServer server = server(true)) {
      assertThat(get(server, "/").body()).contains("Changes something. [changes state; POST]\"");
      assertThat(get(server, "/").body()).contains("Changes something. [changes state; GET/POST]\"");
      assertThat(server.endpoints().stream().filter(EndpointSpec::changesState).map(EndpointSpec::path))
          .containsExactly("/test/change", "/test/getchange", "/updateConfig");
    }
  }
}
