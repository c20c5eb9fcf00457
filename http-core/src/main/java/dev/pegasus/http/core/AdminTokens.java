package dev.pegasus.http.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an admin token from where it need not be seen: a file or an environment variable, so that
 * it is never on a command line (which {@code /pprof/cmdline}, {@code ps} and shell histories
 * show). Errors name the file or variable, never the token. Pass the result to {@link
 * ServerConfig.Builder#adminToken}, which checks its strength.
 *
 * <pre>{@code
 * builder.configure(c -> c.adminToken(AdminTokens.fromFile(Path.of("/etc/pegasus/admin-token"))));
 * }</pre>
 */
public final class AdminTokens {

  /** The variable the onebox reads when no token flag is given. */
  public static final String ENVIRONMENT_VARIABLE = "PEGASUS_HTTP_ADMIN_TOKEN";

  private static final Logger log = LoggerFactory.getLogger(AdminTokens.class);
  private static final int MAX_FILE_BYTES = 4096;

  private AdminTokens() {}

  /**
   * The token in {@code file}: its content without the line break at its end. Warns when others
   * than the owner may read the file.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read, is empty or too large
   */
  public static String fromFile(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IllegalArgumentException(
            "the admin token file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
      }
      warnIfReadableByOthers(file);
      String token = stripLineEnd(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      if (token.isEmpty()) {
        throw new IllegalArgumentException("the admin token file " + file + " is empty");
      }
      return token;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the admin token file " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** The token in environment variable {@code name}, if it is set and not empty. */
  public static Optional<String> fromEnvironment(String name) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(stripLineEnd(value));
  }

  private static String stripLineEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  private static void warnIfReadableByOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ)) {
        log.warn("the admin token file {} may be read by other users; chmod 600 it", file);
      }
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: nothing to check
    }
  }
}
