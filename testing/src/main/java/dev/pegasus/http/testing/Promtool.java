package dev.pegasus.http.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code promtool} (Debian's {@code prometheus} package): {@code check config},
 * {@code check rules}, {@code test rules}, {@code check metrics} on a body. A test on a machine
 * without it is skipped with a printed reason.
 *
 * <pre>{@code
 * Promtool.Result r = Promtool.run("check", "rules", "docs/prometheus/pegasus-rules.yml");
 * assertWithMessage(r.output()).that(r.exitCode()).isEqualTo(0);
 * }</pre>
 */
public final class Promtool {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Promtool() {}

  /**
   * What one run printed (standard output and error, interleaved) and its exit code: 0 clean, 1
   * an error, 3 lint problems only ({@code check metrics}).
   */
  public record Result(int exitCode, String output) {}

  /** The {@code promtool} on the PATH; skips the calling test when there is none. */
  public static Path binary() {
    return ExternalTool.require("promtool", "prometheus");
  }

  /** Runs {@code promtool args...} in the current directory. */
  public static Result run(String... args) {
    return execute(null, args);
  }

  /** {@code promtool check metrics} on an exposition body. */
  public static Result checkMetrics(String exposition) {
    return execute(exposition, "check", "metrics");
  }

  private static Result execute(String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      // promtool prints little; reading to the end before waiting cannot deadlock on a full pipe.
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("promtool " + String.join(" ", args) + " ran over " + TIMEOUT);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
