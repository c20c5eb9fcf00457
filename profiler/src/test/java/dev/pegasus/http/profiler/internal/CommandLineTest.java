package dev.pegasus.http.profiler.internal;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CommandLineTest {

  private static final String S = CommandLine.REDACTED;

  private static List<String> redact(String... args) {
    return CommandLine.redact(List.of(args));
  }

  @Test
  void adminTokenAsSeparateArgument() {
    assertThat(redact("java", "-jar", "onebox.jar", "--admin-token", "0123456789abcdef", "--port", "1"))
        .containsExactly("java", "-jar", "onebox.jar", "--admin-token", S, "--port", "1")
        .inOrder();
  }

  @Test
  void adminTokenWithEquals() {
    assertThat(redact("--admin-token=0123456789abcdef", "--port=1"))
        .containsExactly("--admin-token=" + S, "--port=1")
        .inOrder();
  }

  @Test
  void everySecretWordInEitherForm() {
    assertThat(
            redact(
                "--db-password", "p1",
                "--passwd=p2",
                "--client-secret", "p3",
                "--aws-credentials=p4",
                "--auth_token", "p5",
                "--apiKey=p6",
                "--api-key", "p7",
                "--AccessToken=p8"))
        .containsExactly(
            "--db-password", S,
            "--passwd=" + S,
            "--client-secret", S,
            "--aws-credentials=" + S,
            "--auth_token", S,
            "--apiKey=" + S,
            "--api-key", S,
            "--AccessToken=" + S)
        .inOrder();
  }

  @Test
  void singleDashOptions() {
    assertThat(redact("-password", "p1", "-token=p2", "-v", "x"))
        .containsExactly("-password", S, "-token=" + S, "-v", "x")
        .inOrder();
  }

  @Test
  void jvmSystemProperties() {
    assertThat(
            redact(
                "-Djavax.net.ssl.keyStorePassword=changeit",
                "-Dpegasus.admin.token=0123456789abcdef",
                "-Dfoo.secret.enabled",
                "-cp",
                "app.jar"))
        .containsExactly(
            "-Djavax.net.ssl.keyStorePassword=" + S,
            "-Dpegasus.admin.token=" + S,
            // -D never takes a separate value, so what follows is not hidden.
            "-Dfoo.secret.enabled",
            "-cp",
            "app.jar")
        .inOrder();
  }

  @Test
  void secretInsideAnOptionValue() {
    assertThat(redact("-javaagent:agent.jar=port=1,token=t1", "password=p2"))
        .containsExactly("-javaagent:agent.jar=port=1,token=" + S, "password=" + S)
        .inOrder();
  }

  @Test
  void valueIsHiddenEvenWhenItLooksLikeAnOption() {
    assertThat(redact("--admin-token", "--starts-with-dashes")).containsExactly("--admin-token", S).inOrder();
  }

  @Test
  void secretOptionAtTheEndIsKept() {
    assertThat(redact("java", "--admin-token")).containsExactly("java", "--admin-token").inOrder();
  }

  @Test
  void pathsToKeysAndOrdinaryOptionsAreNotSecret() {
    List<String> args =
        List.of(
            "java",
            "-Djavax.net.ssl.keyStore=/etc/pegasus/keystore.p12",
            "-XX:+UseG1GC",
            "-Xmx1g",
            "-cp",
            "/opt/tokenizer.jar",
            "dev.pegasus.Main",
            "--tls-key",
            "/etc/pegasus/tls.key",
            "--key-file=/etc/pegasus/key.pem",
            "--config=/etc/pegasus/secrets.conf",
            "positional");
    assertThat(CommandLine.redact(args)).isEqualTo(args);
  }

  @Test
  void procCmdlineIsSplitAtNuls(@TempDir Path dir) throws IOException {
    Path cmdline = dir.resolve("cmdline");
    Files.write(cmdline, "java\0--admin-token\0secret-value\0\0x\0".getBytes(StandardCharsets.UTF_8));
    assertThat(CommandLine.fromProc(cmdline).orElseThrow())
        .containsExactly("java", "--admin-token", "secret-value", "", "x")
        .inOrder();
  }

  @Test
  void textHasOneArgumentPerLine() {
    assertThat(CommandLine.text(List.of("java", "--admin-token", S))).isEqualTo("java\n--admin-token\n" + S + "\n");
  }
}
