package dev.pegasus.http.profiler;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real pprof client ({@code go tool pprof}, {@code google-pprof}) as a child process with
 * its home, caches and temporary files in a test's folder and no proxy for loopback, and keeps
 * what it printed.
 */
final class PprofClient {

  /** What one run printed (standard output and error together) and its exit status, -1 if it timed out. */
  record Result(List<String> command, int exit, String output) {
    void assertSucceeded() {
      assertWithMessage("exit status of %s", this).that(exit).isEqualTo(0);
    }

    void assertContains(String text) {
      assertWithMessage("output of %s", this).that(output).contains(text);
    }

    @Override
    public String toString() {
      return String.join(" ", command) + " (exit " + exit + "):\n" + output;
    }
  }

  private PprofClient() {}

  /** Whether {@code program} is an executable in a folder of {@code PATH}. */
  static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs {@code command} with {@code home} as its home and {@code env} on top of the test's
   * environment, killing it after {@code timeout}.
   */
  static Result run(Path home, List<String> command, Map<String, String> env, Duration timeout) {
    try {
      Path out = Files.createTempFile(home, "client-", ".out");
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
      Map<String, String> environment = pb.environment();
      environment.put("HOME", home.toString());
      environment.put("PPROF_TMPDIR", home.resolve("pprof").toString());
      environment.put("GOCACHE", home.resolve("gocache").toString());
      environment.put("NO_PROXY", "127.0.0.1,localhost");
      environment.put("no_proxy", "127.0.0.1,localhost");
      environment.putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      return new Result(
          command,
          done ? p.exitValue() : -1,
          done ? output : output + "\n[timed out after " + timeout.toSeconds() + " s]");
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
