package dev.pegasus.http.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Reads {@code Implementation-Version} and {@code Git-Commit} from the manifest of the jar (or
 * class directory) a class was loaded from, and finds the JVM's main class; each lookup says, when
 * it finds nothing, what it looked at and what was missing, for {@link BuildInfo#requireManifestOf}
 * and the start-up warning.
 */
final class ManifestLookup {

  /** What a lookup found, or why it found nothing ({@code problem}, empty when found). */
  record Result(Optional<BuildInfo> info, String problem) {
    static Result found(BuildInfo info) {
      return new Result(Optional.of(info), "");
    }

    static Result missing(String problem) {
      return new Result(Optional.empty(), problem);
    }
  }

  private ManifestLookup() {}

  /**
   * The manifest of where {@code type} was loaded from; {@code needCommit} also requires a {@code
   * Git-Commit} (otherwise a missing one reads as "").
   */
  static Result ofClass(Class<?> type, boolean needCommit) {
    return ofClass(type, type.getName(), needCommit);
  }

  /** As {@link #ofClass(Class, boolean)}; {@code subject} names the class in the problem text. */
  private static Result ofClass(Class<?> type, String subject, boolean needCommit) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location == null) {
      return Result.missing(subject + " has no code source to read a manifest from");
    }
    try {
      if ("file".equals(location.getProtocol())) {
        Path path = Path.of(location.toURI());
        if (Files.isDirectory(path)) {
          Path manifest = path.resolve(JarFile.MANIFEST_NAME);
          if (!Files.isRegularFile(manifest)) {
            return Result.missing(
                subject + " was loaded from the directory " + path + ", which has no "
                    + JarFile.MANIFEST_NAME + " (a build's classes directory, not a jar)");
          }
          try (InputStream in = Files.newInputStream(manifest)) {
            return evaluate(new Manifest(in), "the manifest " + manifest + " (of " + subject + ")", needCommit);
          }
        }
        return ofJar(path, "the jar of " + subject, needCommit);
      }
      URLConnection connection = location.openConnection();
      connection.setUseCaches(false);
      if (connection instanceof JarURLConnection jar) {
        // A jar nested in another (jar:file:/app.jar!/BOOT-INF/classes!/).
        return evaluate(jar.getManifest(), "the manifest of " + location + " (of " + subject + ")", needCommit);
      }
      return Result.missing(subject + " was loaded from " + location + ", which is neither a jar nor a directory");
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return Result.missing("the manifest of " + location + " (of " + subject + ") cannot be read: " + e);
    }
  }

  /** The manifest of {@code jar}; {@code role} says what the jar is, for the problem text. */
  static Result ofJar(Path jar, String role, boolean needCommit) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String where = "the manifest of " + jar + " (" + role + ")";
      if (manifest == null) {
        return Result.missing(jar + " (" + role + ") has no " + JarFile.MANIFEST_NAME);
      }
      return evaluate(manifest, where, needCommit);
    } catch (IOException e) {
      return Result.missing(jar + " (" + role + ") cannot be read: " + e.getMessage());
    }
  }

  /**
   * The manifest of the JVM's main class: {@code command} is the launcher's {@code
   * sun.java.command} ({@code com.example.Main args}, {@code app.jar args} for {@code -jar}, or
   * {@code module/com.example.Main args}), {@code classPath} the JVM's class path. Both attributes
   * are required, so that a launcher's jar (an IDE's or a test runner's, which carry an
   * Implementation-Version of their own) is never taken for the host's.
   */
  static Result ofMainClass(String command, String classPath, ClassLoader loader) {
    if (command == null || command.isBlank()) {
      return Result.missing("the JVM does not say what its main class is (no sun.java.command)");
    }
    String first = command.strip().split("\\s+", 2)[0];
    String jar = null;
    if (classPath != null
        && classPath.endsWith(".jar")
        && (command.equals(classPath) || command.startsWith(classPath + " "))) {
      jar = classPath; // java -jar with a path that contains spaces
    } else if (first.endsWith(".jar")) {
      jar = first;
    }
    if (jar != null) {
      return ofJar(Path.of(jar), "the main jar", true);
    }
    String className = first.substring(first.indexOf('/') + 1);
    Class<?> main;
    try {
      main = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return Result.missing("the main class " + className + " cannot be found to read its jar's manifest");
    }
    return ofClass(main, "the main class " + className, true);
  }

  /** {@link #ofMainClass} for this JVM. */
  static Result mainJar() {
    return ofMainClass(
        System.getProperty("sun.java.command"),
        System.getProperty("java.class.path"),
        ClassLoader.getSystemClassLoader());
  }

  private static Result evaluate(Manifest manifest, String where, boolean needCommit) {
    if (manifest == null) {
      return Result.missing(where + " is absent");
    }
    Attributes main = manifest.getMainAttributes();
    String version = resolved(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION));
    String commit = resolved(main.getValue(BuildInfo.GIT_COMMIT_ATTRIBUTE));
    List<String> absent = new ArrayList<>();
    if (version.isEmpty()) {
      absent.add(Attributes.Name.IMPLEMENTATION_VERSION.toString());
    }
    if (needCommit && commit.isEmpty()) {
      absent.add(BuildInfo.GIT_COMMIT_ATTRIBUTE);
    }
    if (!absent.isEmpty()) {
      return Result.missing(where + " has no " + String.join(" and no ", absent));
    }
    return Result.found(new BuildInfo(version, commit));
  }

  /** Maven leaves {@code ${...}} in place when a property is unknown (no git checkout). */
  static String resolved(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "" : value.strip();
  }
}
