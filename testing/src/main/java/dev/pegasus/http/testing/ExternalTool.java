package dev.pegasus.http.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Finds a program on the {@code PATH}, and skips the test with a printed reason when it is not there. */
final class ExternalTool {

  private ExternalTool() {}

  /** The executable named {@code name} on the {@code PATH}, if any. */
  static Optional<Path> find(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The executable {@code name}; when it is missing, prints why the test is skipped and aborts it
   * (a JUnit assumption), so that a machine without it skips loudly instead of silently passing.
   */
  static Path require(String name, String debianPackage) {
    Optional<Path> found = find(name);
    if (found.isEmpty()) {
      String reason =
          name + " is not on the PATH (Debian: apt-get install " + debianPackage
              + "; .ci/run installs it): skipping this test";
      System.out.println("SKIPPED: " + reason);
      Assumptions.abort(reason);
    }
    return found.get();
  }
}
