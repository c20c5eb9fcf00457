package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.pegasus.http.core.fixture.HostMain;
import dev.pegasus.http.core.testing.ProviderJars;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a host JVM of its own shows: {@code /version} from the main jar's manifest, one WARN when
 * there is none, and XNIO's start-up line in the SLF4J log instead of java.util.logging's.
 */
final class HostProcessTest {

  @TempDir Path dir;

  private record Run(String stdout, String stderr) {}

  private Run run(String classPath, String servers) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = dir.resolve("out-" + System.nanoTime());
    Path err = dir.resolve("err-" + System.nanoTime());
    Process child =
        new ProcessBuilder(List.of(java.toString(), "-cp", classPath, HostMain.class.getName(), servers))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    boolean exited = child.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    Run run = new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    assertWithMessage("host process; stderr:\n%s", run.stderr()).that(exited && child.exitValue() == 0).isTrue();
    return run;
  }

  @Test
  void theMainJarsManifestIsTheVersionAndNothingIsWarned() throws Exception {
    Path host =
        ProviderJars.writeWithManifest(
            dir,
            "host.jar",
            Map.of("Implementation-Version", "4.5.6", "Git-Commit", "0123abcd"),
            HostMain.class);
    Run run = run(host + File.pathSeparator + System.getProperty("java.class.path"), "1");
    assertThat(run.stdout()).isEqualTo("version={\"Version\":\"4.5.6\",\"GitCommit\":\"0123abcd\"}\n");
    assertThat(run.stderr()).doesNotContain("WARN");
  }

  @Test
  void withoutAVersionTheFrameworksIsReportedAndOneWarnSaysWhatToSet() throws Exception {
    Run run = run(System.getProperty("java.class.path"), "2");
    BuildInfo framework = BuildInfo.framework();
    String body =
        "version={\"Version\":\"" + framework.version() + "\",\"GitCommit\":\"" + framework.gitCommit() + "\"}\n";
    assertThat(run.stdout()).isEqualTo(body + body);
    List<String> warnings = run.stderr().lines().filter(l -> l.contains("WARN")).toList();
    assertWithMessage("stderr:\n%s", run.stderr()).that(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .contains("/version reports pegasus-http's own version " + framework.version());
    assertThat(warnings.get(0)).contains("the main class " + HostMain.class.getName() + " was loaded from the directory");
    assertThat(warnings.get(0)).contains("PegasusHttpServer.builder().version(version, commit)");
  }

  @Test
  void xniosVersionLineGoesThroughSlf4j() throws Exception {
    Run run = run(System.getProperty("java.class.path"), "1");
    // slf4j-simple's format: "[main] INFO org.xnio - XNIO version 3.8.16.Final"
    assertWithMessage("stderr:\n%s", run.stderr())
        .that(run.stderr())
        .containsMatch("(?m)^\\[[^\\]]+\\] INFO org\\.xnio - XNIO version ");
    // java.util.logging's two-line format names the class and method: "org.xnio.Xnio <clinit>".
    assertThat(run.stderr()).doesNotContain("org.xnio.Xnio <clinit>");
    assertThat(run.stderr()).doesNotContain("INFO: XNIO");
  }
}
