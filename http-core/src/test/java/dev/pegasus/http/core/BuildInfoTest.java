package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.fixture.Plain;
import dev.pegasus.http.core.testing.ProviderJars;
import dev.pegasus.http.testing.HttpCalls;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the host's version comes from, and what is said when it is not there. */
final class BuildInfoTest {

  @TempDir Path dir;

  private static final Map<String, String> FULL =
      Map.of("Implementation-Version", "9.9.9", "Git-Commit", "cafe123");

  /** {@link Plain} loaded from {@code jar} alone, not from the test's class path. */
  private static Class<?> plainFrom(Path jar) throws Exception {
    URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    return Class.forName(Plain.class.getName(), false, loader);
  }

  @Test
  void aClassInAJarWithBothAttributesGivesThem() throws Exception {
    Class<?> plain = plainFrom(ProviderJars.writeWithManifest(dir, "host.jar", FULL, Plain.class));
    assertThat(BuildInfo.fromManifestOf(plain)).hasValue(new BuildInfo("9.9.9", "cafe123"));
    assertThat(BuildInfo.requireManifestOf(plain)).isEqualTo(new BuildInfo("9.9.9", "cafe123"));
  }

  @Test
  void aJarWithoutACommitGivesAnEmptyOne() throws Exception {
    Class<?> plain =
        plainFrom(
            ProviderJars.writeWithManifest(
                dir, "host.jar", Map.of("Implementation-Version", "9.9.9"), Plain.class));
    assertThat(BuildInfo.fromManifestOf(plain)).hasValue(new BuildInfo("9.9.9", ""));
  }

  @Test
  void aClassesDirectoryIsNamedWithTheClassAndTheMissingManifest() {
    // This test class comes from target/test-classes, as a host run from its IDE or mvn exec:java.
    assertThat(BuildInfo.fromManifestOf(BuildInfoTest.class)).isEmpty();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> BuildInfo.requireManifestOf(BuildInfoTest.class));
    assertThat(e).hasMessageThat().contains(BuildInfoTest.class.getName() + " was loaded from the directory ");
    assertThat(e).hasMessageThat().contains("test-classes, which has no META-INF/MANIFEST.MF");
    assertThat(e).hasMessageThat().contains("Implementation-Version and Git-Commit");
  }

  @Test
  void aJarWithoutTheAttributesIsNamedWithWhatIsMissing() throws Exception {
    Path jar = ProviderJars.writeWithManifest(dir, "plain.jar", Map.of(), Plain.class);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> BuildInfo.requireManifestOf(plainFrom(jar)));
    assertThat(e)
        .hasMessageThat()
        .startsWith(
            "no build information for /version: the manifest of " + jar + " (the jar of "
                + Plain.class.getName() + ") has no Implementation-Version;");
  }

  @Test
  void theMainJarOfJavaDashJarIsRead() {
    Path jar = ProviderJars.writeWithManifest(dir, "app.jar", FULL, Plain.class);
    ManifestLookup.Result r =
        ManifestLookup.ofMainClass(jar + " --port 1", jar.toString(), getClass().getClassLoader());
    assertThat(r.info()).hasValue(new BuildInfo("9.9.9", "cafe123"));
  }

  @Test
  void theJarOfAMainClassIsRead() throws Exception {
    Path jar = ProviderJars.writeWithManifest(dir, "app.jar", FULL, Plain.class);
    URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    ManifestLookup.Result r = ManifestLookup.ofMainClass(Plain.class.getName() + " a b", "x", loader);
    assertThat(r.info()).hasValue(new BuildInfo("9.9.9", "cafe123"));
  }

  @Test
  void aLaunchersJarWithAVersionButNoCommitIsNotTakenForTheHosts() {
    Path jar =
        ProviderJars.writeWithManifest(
            dir, "surefirebooter.jar", Map.of("Implementation-Version", "3.5.4"), Plain.class);
    ManifestLookup.Result r =
        ManifestLookup.ofMainClass(jar + " /tmp/x", "other", getClass().getClassLoader());
    assertThat(r.info()).isEmpty();
    assertThat(r.problem()).isEqualTo("the manifest of " + jar + " (the main jar) has no Git-Commit");
  }

  @Test
  void anUnknownMainClassSaysSo() {
    ManifestLookup.Result r =
        ManifestLookup.ofMainClass("com.example.Gone", "", getClass().getClassLoader());
    assertThat(r.problem()).isEqualTo("the main class com.example.Gone cannot be found to read its jar's manifest");
    assertThat(ManifestLookup.ofMainClass(null, "", getClass().getClassLoader()).problem())
        .contains("no sun.java.command");
  }

  @Test
  void theBuilderTakesTheHostsVersion() {
    try (PegasusHttpServer server =
        PegasusHttpServer.builder().port(0).version("1.2.3", "abc123").build().start()) {
      assertThat(HttpCalls.get(server, "/version").body())
          .isEqualTo("{\"Version\":\"1.2.3\",\"GitCommit\":\"abc123\"}\n");
    }
  }
}
