package dev.pegasus.http.profiler;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.pegasus.http.testing.Polling.pollUntil;

import dev.pegasus.http.testing.PegasusServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that half-close their socket after a complete request ({@code nc -N}, {@code
 * shutdown(SHUT_WR)}) still get their profile, while clients that really leave (reset, or close
 * after a half-close) still cancel theirs. The plain full close is {@code
 * PprofEndpointsTest.aClientThatDisconnectsCancelsItsRecordingAndFreesTheSlot}.
 */
final class HalfClosedClientsTest {

  private static final Pattern CONTENT_LENGTH =
      Pattern.compile("(?i)\\r\\ncontent-length: *(\\d+)\\r\\n");

  private static final AtomicReference<ProfilerState> state = new AtomicReference<>();

  @RegisterExtension
  static final PegasusServerExtension servers =
      PegasusServerExtension.perClass(
          ProfiledServers.replica(
              ProfilerConfig.builder().maxSeconds(120).build(), state));

  @Test
  void halfClosedHttp11ClientGetsItsWholeProfileAfterInterimResponses() throws IOException {
    byte[] all = halfClosedExchange("GET /pprof/profile?seconds=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int offset = 0;
    int interim = 0;
    while (text.startsWith("HTTP/1.1 100 Continue\r\n\r\n", offset)) {
      offset += "HTTP/1.1 100 Continue\r\n\r\n".length();
      interim++;
    }
    // The first probe goes out as soon as the server sees the half-close, the second 200 ms later.
    assertWithMessage("response: %s", text).that(interim).isAtLeast(1);
    assertLegacyProfileResponse(Arrays.copyOfRange(all, offset, all.length));
  }

  @Test
  void halfClosedHttp10ClientGetsItsWholeProfileWithoutInterimResponses() throws IOException {
    byte[] all = halfClosedExchange("GET /pprof/profile?seconds=1 HTTP/1.0\r\n\r\n");
    assertThat(new String(all, 0, Math.min(all.length, 9), StandardCharsets.ISO_8859_1))
        .matches("HTTP/1\\.[01] ");
    assertLegacyProfileResponse(all);
  }

  @Test
  void aClientThatResetsCancelsItsRecordingPromptly() throws Exception {
    Socket socket = startProfile(60);
    socket.setSoLinger(true, 0);
    socket.close(); // RST
    assertSlotFreedWithin(Duration.ofSeconds(5));
  }

  @Test
  void aClientThatHalfClosesThenClosesCancelsItsRecording() throws Exception {
    try (Socket socket = startProfile(60)) {
      socket.shutdownOutput();
      // The server took the half-close for what it is and probes: the profile still runs.
      byte[] first = socket.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
      assertThat(new String(first, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      assertThat(state.get().runningAction()).isPresent();
    }
    // The next probes meet a closed socket: its RST ends the recording.
    assertSlotFreedWithin(Duration.ofSeconds(10));
  }

  /** Sends the request, half-closes, and reads until the server closes. */
  private static byte[] halfClosedExchange(String request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", servers.server().port()), 5000);
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      socket.shutdownOutput();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      in.transferTo(received);
      return received.toByteArray();
    }
  }

  private static void assertLegacyProfileResponse(byte[] response) {
    String text = new String(response, StandardCharsets.ISO_8859_1);
    int headerEnd = text.indexOf("\r\n\r\n");
    assertWithMessage("response: %s", text).that(headerEnd).isAtLeast(0);
    String head = text.substring(0, headerEnd + 2);
    assertThat(head).matches("(?s)HTTP/1\\.[01] 200 OK\r\n.*");
    assertThat(head.toLowerCase()).contains("content-type: application/octet-stream\r\n");
    Matcher length = CONTENT_LENGTH.matcher(head);
    assertWithMessage("head: %s", head).that(length.find()).isTrue();
    byte[] body = Arrays.copyOfRange(response, headerEnd + 4, response.length);
    assertThat(body.length).isEqualTo(Integer.parseInt(length.group(1)));
    ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new long[] {b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong()})
        .isEqualTo(new long[] {0, 3, 0, 10_000, 0});
    b.position(body.length - 24);
    assertThat(new long[] {b.getLong(), b.getLong(), b.getLong()}).isEqualTo(new long[] {0, 1, 0});
  }

  private static Socket startProfile(int seconds) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", servers.server().port()), 5000);
    socket.setSoTimeout(20_000);
    socket
        .getOutputStream()
        .write(
            ("GET /pprof/profile?seconds=" + seconds + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    pollUntil(
        "the " + seconds + " s profile to start",
        Duration.ofSeconds(10),
        () -> state.get().runningAction(),
        a -> a.isPresent());
    return socket;
  }

  private static void assertSlotFreedWithin(Duration deadline) {
    pollUntil(
        "the recording to be cancelled",
        deadline,
        () -> state.get().runningAction(),
        a -> a.isEmpty());
  }
}
