package dev.pegasus.http.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code /version} reports: the host's version and git commit. A host passes its own
 * ({@code PegasusHttpServer.builder().version("1.2.3", "abc123")}), or they are read from the
 * manifest of its main jar ({@link #fromMainJar}); without either, a server reports
 * pegasus-http's own ({@link #framework}) and warns once at start-up.
 */
public record BuildInfo(String version, String gitCommit) {

  /** Manifest attribute that carries the commit, next to {@code Implementation-Version}. */
  public static final String GIT_COMMIT_ATTRIBUTE = "Git-Commit";

  /** pegasus-http's own version and commit, as recorded when http-core was built. */
  public static BuildInfo framework() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build-info.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        resolved(p.getProperty("version")), resolved(p.getProperty("gitCommit")));
  }

  /**
   * {@code Implementation-Version} and {@code Git-Commit} (or "" without one) from the manifest of
   * the jar that holds {@code type}; empty when the class was loaded from a directory (such as
   * {@code target/classes}) without a manifest, or the manifest has no {@code
   * Implementation-Version}. {@link #requireManifestOf} returns the same, or says why not.
   */
  public static Optional<BuildInfo> fromManifestOf(Class<?> type) {
    return ManifestLookup.ofClass(type, false).info();
  }

  /**
   * As {@link #fromManifestOf}, but throws when there is nothing to read.
   *
   * @throws IllegalStateException naming the class, the jar or directory it was loaded from and
   *     the missing attributes, e.g. {@code com.example.MyServer was loaded from the directory
   *     /src/my/target/classes, which has no META-INF/MANIFEST.MF (...)}
   */
  public static BuildInfo requireManifestOf(Class<?> type) {
    ManifestLookup.Result result = ManifestLookup.ofClass(type, false);
    return result
        .info()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no build information for /version: " + result.problem()
                        + "; build it into a jar whose manifest has Implementation-Version and "
                        + GIT_COMMIT_ATTRIBUTE + ", or pass them to PegasusHttpServer.Builder.version"));
  }

  /**
   * {@code Implementation-Version} and {@code Git-Commit} from the manifest of the jar of the
   * JVM's main class (the {@code -jar} jar, or the jar the main class was loaded from); empty
   * unless both are there. What {@link PegasusHttpServer.Builder#build()} reports on {@code
   * /version} when the host gives no version of its own.
   */
  public static Optional<BuildInfo> fromMainJar() {
    return ManifestLookup.mainJar().info();
  }

  /** Maven leaves {@code ${...}} in place when a property is unknown (no git checkout). */
  private static String resolved(String value) {
    return ManifestLookup.resolved(value);
  }
}
