package dev.pegasus.http.profiler.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The process's command line, one argument per line with a final newline, as {@code
 * /pprof/cmdline} serves it: {@code /proc/self/cmdline} with its NUL separators turned into
 * newlines, or, off Linux, what {@link ProcessHandle} knows (the JVM's arguments as a last
 * resort).
 */
public final class CommandLine {

  private CommandLine() {}

  /** The arguments of this process, the program first. */
  public static List<String> arguments() {
    return fromProc(Path.of("/proc/self/cmdline")).orElseGet(CommandLine::fromProcessHandle);
  }

  /** The body of {@code /pprof/cmdline}. */
  public static String text(List<String> arguments) {
    StringBuilder out = new StringBuilder();
    for (String a : arguments) {
      out.append(a).append('\n');
    }
    return out.toString();
  }

  static Optional<List<String>> fromProc(Path cmdline) {
    try {
      byte[] raw = Files.readAllBytes(cmdline);
      List<String> args = new ArrayList<>();
      int start = 0;
      for (int i = 0; i <= raw.length; i++) {
        if (i == raw.length || raw[i] == 0) {
          if (i > start || i < raw.length) {
            args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
          }
          start = i + 1;
        }
      }
      return args.isEmpty() ? Optional.empty() : Optional.of(args);
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private static List<String> fromProcessHandle() {
    ProcessHandle.Info info = ProcessHandle.current().info();
    List<String> args = new ArrayList<>();
    args.add(info.command().orElse("java"));
    info.arguments()
        .ifPresentOrElse(
            a -> args.addAll(List.of(a)),
            () -> args.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    return args;
  }
}
