package dev.pegasus.http.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * What {@code /version} reports: the host's version and git commit. A host passes its own, reads
 * them from its jar's manifest with {@link #fromManifestOf}, or gets pegasus-http's own by
 * default.
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
   * {@code Implementation-Version} and {@code Git-Commit} from the manifest of the jar that holds
   * {@code type}; empty when the class is not in a jar or the attributes are absent.
   */
  public static Optional<BuildInfo> fromManifestOf(Class<?> type) {
    URL classFile = type.getResource(type.getSimpleName() + ".class");
    if (classFile == null || !"jar".equals(classFile.getProtocol())) {
      return Optional.empty();
    }
    String url = classFile.toString();
    String manifestUrl = url.substring(0, url.indexOf("!/") + 2) + "META-INF/MANIFEST.MF";
    try (InputStream in = new URL(manifestUrl).openStream()) {
      Attributes main = new Manifest(in).getMainAttributes();
      String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
      if (version == null) {
        return Optional.empty();
      }
      String commit = main.getValue(GIT_COMMIT_ATTRIBUTE);
      return Optional.of(new BuildInfo(version, commit == null ? "" : commit));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Maven leaves {@code ${...}} in place when a property is unknown (no git checkout). */
  private static String resolved(String value) {
    return value == null || value.startsWith("${") ? "" : value;
  }
}
