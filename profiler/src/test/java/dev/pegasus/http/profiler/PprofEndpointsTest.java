package dev.pegasus.http.profiler;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static dev.pegasus.http.testing.Polling.pollUntil;
import static dev.pegasus.http.testing.HttpCalls.send;

import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The /pprof/* endpoints over real sockets, without the pprof tools. */
final class PprofEndpointsTest {

  private static final AtomicReference<ProfilerState> state = new AtomicReference<>();

  @RegisterExtension
  static final PegasusServerExtension servers =
      PegasusServerExtension.perClass(
          ProfiledServers.replica(
              ProfilerConfig.builder().defaultProfileSeconds(1).defaultHeapSeconds(1).maxSeconds(120).build(), state));

  private static Workload workload;

  @BeforeAll
  static void startWorkload() {
    workload = Workload.start();
  }

  @AfterAll
  static void stop() {
    workload.close();
  }

  private static TestResponse pprof(String pathAndQuery) {
    return get(servers.url() + pathAndQuery);
  }

  private static void assertPprofError(TestResponse r, int status, String message) {
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("text/plain");
    assertThat(r.header("X-Go-Pprof")).hasValue("1");
    assertThat(r.body()).isEqualTo(message + "\n");
  }

  @Test
  void profileIsTheLegacyBinaryFormat() {
    TestResponse r = pprof("/pprof/profile");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/octet-stream");
    ByteBuffer b = ByteBuffer.wrap(r.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new long[] {b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong()})
        .isEqualTo(new long[] {0, 3, 0, 10_000, 0});
    b.position(r.bytes().length - 24);
    assertThat(new long[] {b.getLong(), b.getLong(), b.getLong()}).isEqualTo(new long[] {0, 1, 0});
  }

  @Test
  void profileAsProtoIsGzipped() {
    TestResponse r = pprof("/pprof/profile?seconds=1&format=proto");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bytes()[0]).isEqualTo((byte) 0x1f);
    assertThat(r.bytes()[1]).isEqualTo((byte) 0x8b);
  }

  @Test
  void zeroNegativeNonNumericEmptyAndTooLargeSecondsAre400() {
    String expected = "invalid seconds \"%s\": expected an integer from 1 to 120";
    for (String bad : new String[] {"0", "-5", "abc", "1.5", "121"}) {
      assertPprofError(pprof("/pprof/profile?seconds=" + bad), 400, String.format(expected, bad));
      assertPprofError(pprof("/pprof/heap?seconds=" + bad), 400, String.format(expected, bad));
    }
    assertPprofError(pprof("/pprof/profile?seconds="), 400, String.format(expected, ""));
  }

  @Test
  void unknownFormatAndUnknownParameterAre400() {
    assertPprofError(
        pprof("/pprof/heap?format=svg"),
        400,
        "unknown format \"svg\": use format=proto for gzipped profile.proto, or leave it out for"
            + " the gperftools format");
    TestResponse r = pprof("/pprof/profile?second=5");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("X-Go-Pprof")).hasValue("1");
    assertThat(r.body()).contains("second");
  }

  @Test
  void aSecondProfilingActionIs409WithRetryAfterUntilTheFirstEnds() {
    CompletableFuture<TestResponse> first =
        CompletableFuture.supplyAsync(() -> pprof("/pprof/profile?seconds=3"));
    pollUntil(
        "the CPU profile to start",
        Duration.ofSeconds(10),
        () -> state.get().runningAction(),
        a -> a.isPresent());
    TestResponse busy = pprof("/pprof/heap?seconds=1");
    assertThat(busy.status()).isEqualTo(409);
    assertThat(busy.header("X-Go-Pprof")).hasValue("1");
    assertThat(busy.contentType()).startsWith("text/plain");
    long retryAfter = Long.parseLong(busy.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isIn(com.google.common.collect.Range.closed(1L, 3L));
    assertThat(busy.body())
        .isEqualTo(
            "profiling already in progress on this server (CPU profile); retry in "
                + retryAfter + " s\n");
    assertThat(pprof("/pprof/profile?seconds=1").status()).isEqualTo(409);
    assertThat(pprof("/pprof/growth").status()).isEqualTo(200);
    assertThat(pprof("/pprof/symbol").status()).isEqualTo(200);
    assertThat(first.join().status()).isEqualTo(200);
    assertThat(state.get().runningAction()).isEmpty();
  }

  @Test
  void aClientThatDisconnectsCancelsItsRecordingAndFreesTheSlot() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", servers.server().port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /pprof/profile?seconds=60 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      pollUntil(
          "the 60 s profile to start",
          Duration.ofSeconds(10),
          () -> state.get().runningAction(),
          a -> a.isPresent());
    }
    TestResponse accepted =
        pollUntil(
            "a new profile to be accepted after the client went away",
            Duration.ofSeconds(20),
            () -> pprof("/pprof/profile?seconds=1"),
            r -> r.status() == 200);
    assertThat(accepted.bytes().length).isAtLeast(64);
  }

  @Test
  void heapIsTheLegacyTextWithAllocationsAndInUse() {
    TestResponse r = pprof("/pprof/heap");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("text/plain; charset=utf-8");
    String header = r.body().lines().findFirst().orElseThrow();
    assertThat(header).matches("heap profile: +\\d+: +\\d+ \\[ +\\d+: +\\d+\\] @ heapprofile");
    assertThat(r.body()).doesNotContainMatch("0x[0-9a-f]*[A-F]");
  }

  @Test
  void growthAnswersAtOnceWithTheGrowthHeader() {
    TestResponse r =
        pollUntil(
            "growth to count the workload's allocations",
            Duration.ofSeconds(10),
            () -> pprof("/pprof/growth?seconds=30"),
            g -> g.body().lines().count() > 1);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().lines().findFirst().orElseThrow()).matches("heap profile: +\\d+: +\\d+ \\[ +\\d+: +\\d+\\] @ growth");
    assertThat(pprof("/pprof/growth?format=proto").bytes()[0]).isEqualTo((byte) 0x1f);
  }

  @Test
  void symbolResolvesTheAddressesOfAProfileAndTheirPredecessors() {
    String growth =
        pollUntil(
                "growth to have a stack",
                Duration.ofSeconds(10),
                () -> pprof("/pprof/growth"),
                g -> g.body().lines().count() > 1)
            .body();
    Matcher m = Pattern.compile("@ (0x[0-9a-f]{16})").matcher(growth);
    assertThat(m.find()).isTrue();
    long address = Long.parseUnsignedLong(m.group(1).substring(2), 16);
    String unpadded = "0x" + Long.toHexString(address - 1);
    // curl -d sends a form content type; the body is read raw, so '+' stays a separator.
    TestResponse r =
        send(
            "POST",
            servers.url() + "/pprof/symbol",
            unpadded + "+" + m.group(1),
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertThat(r.status()).isEqualTo(200);
    String[] lines = r.body().split("\n");
    assertThat(lines).hasLength(2);
    assertThat(lines[0]).startsWith(String.format("0x%016x\t", address - 1));
    String name = lines[0].substring(lines[0].indexOf('\t') + 1);
    assertThat(name).isNotEmpty();
    assertThat(lines[1]).isEqualTo(m.group(1) + "\t" + name);
  }

  @Test
  void symbolGetAndHeadCountSymbolsAndBadBodiesAre400() {
    TestResponse r = pprof("/pprof/symbol");
    assertThat(r.body()).matches("num_symbols: [1-9]\\d*\n");
    TestResponse head = send("HEAD", servers.url() + "/pprof/symbol", null);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.bytes()).isEmpty();
    assertPprofError(
        send("POST", servers.url() + "/pprof/symbol", "0x10+main"),
        400,
        "not a hexadecimal address: \"main\"; send addresses such as 0x10000018 separated by '+'");
    TestResponse empty = send("POST", servers.url() + "/pprof/symbol", "");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).isEmpty();
  }

  @Test
  void cmdlineHasOneArgumentPerLine() {
    TestResponse r = pprof("/pprof/cmdline");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).endsWith("\n");
    assertThat(r.body().lines().findFirst().orElseThrow()).contains("java");
  }

  @Test
  void threadsAreTextOrJsonByAcceptHeader() {
    TestResponse text = pprof("/pprof/threads");
    assertThat(text.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(text.body()).contains("\"workload-alpha\" #");
    assertThat(text.body()).contains("dev.pegasus.http.profiler.Workload.alphaLoop(Workload.java:");
    TestResponse json = send("GET", servers.url() + "/pprof/threads", null, "Accept", "application/json");
    assertThat(json.contentType()).isEqualTo("application/json");
    assertThat(json.body()).startsWith("{\"threads\":[{\"cpuNanos\":");
    assertThat(json.body()).contains("\"name\":\"workload-beta\"");
    assertThat(json.body()).endsWith("}\n");
  }

  @Test
  void headOnProfileAnswersAtOnceWithoutRecording() {
    TestResponse r = send("HEAD", servers.url() + "/pprof/profile?seconds=100", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(state.get().runningAction()).isEmpty();
  }

  @Test
  void everyPprofEndpointIsSensitiveWithPlainTextErrors() {
    var paths =
        servers.server().endpoints().stream()
            .filter(s -> s.path().startsWith("/pprof/"))
            .map(EndpointSpec::path)
            .toList();
    assertThat(paths)
        .containsExactly(
            "/pprof/cmdline", "/pprof/growth", "/pprof/heap", "/pprof/profile", "/pprof/symbol", "/pprof/threads");
    for (EndpointSpec spec : servers.server().endpoints()) {
      if (spec.path().startsWith("/pprof/")) {
        assertThat(spec.isSensitive()).isTrue();
        assertThat(spec.isNonBlocking()).isFalse();
        assertThat(spec.errorStyle().isPlainText()).isTrue();
        assertThat(spec.errorStyle().headers()).containsExactly("X-Go-Pprof", "1");
      }
    }
  }
}
