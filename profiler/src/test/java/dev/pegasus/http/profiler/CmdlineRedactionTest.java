package dev.pegasus.http.profiler;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /pprof/cmdline} of a server whose JVM was started with secrets on its command line, read
 * over a raw socket: the JVM's {@code /proc/self/cmdline} is the real input, not a fake.
 */
final class CmdlineRedactionTest {

  private static final List<String> SECRET_ARGS =
      List.of(
          "--admin-token", "arg-secret-0123456789",
          "--db-password=arg-secret-2",
          "-token", "arg-secret-3",
          "--tls-key", "/etc/pegasus/tls.key");

  @TempDir static Path dir;

  private static Process child;
  private static int port;

  @BeforeAll
  static void startServerWithSecretsOnItsCommandLine() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java.toString(),
                "-Dpegasus.test.password=jvm-secret-1",
                "-cp",
                System.getProperty("java.class.path"),
                CmdlineServerMain.class.getName()));
    command.addAll(SECRET_ARGS);
    Path stderr = dir.resolve("child.err");
    child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    try {
      line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      line = null;
    }
    assertWithMessage("child server did not report its port; stderr:\n%s", Files.readString(stderr))
        .that(line)
        .startsWith("port=");
    port = Integer.parseInt(line.substring("port=".length()));
  }

  private static String readLine(BufferedReader in) {
    try {
      return in.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (child != null) {
      child.getOutputStream().close();
      if (!child.waitFor(20, TimeUnit.SECONDS)) {
        child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void secretValuesAreRedactedAndEverythingElseKept() throws IOException {
    String response = rawGet("/pprof/cmdline");
    int headerEnd = response.indexOf("\r\n\r\n");
    assertWithMessage("response: %s", response).that(headerEnd).isAtLeast(0);
    assertThat(response).startsWith("HTTP/1.1 200 ");
    String body = response.substring(headerEnd + 4);
    assertThat(body).doesNotContain("secret-");
    assertThat(body).contains("\n-Dpegasus.test.password=******\n");
    assertThat(body)
        .endsWith(
            "\n"
                + CmdlineServerMain.class.getName()
                + "\n--admin-token\n******\n--db-password=******\n-token\n******\n"
                + "--tls-key\n/etc/pegasus/tls.key\n");
  }

  private static String rawGet(String target) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      in.transferTo(received);
      return received.toString(StandardCharsets.UTF_8);
    }
  }
}
