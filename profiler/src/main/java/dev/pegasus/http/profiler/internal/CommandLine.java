package dev.pegasus.http.profiler.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The process's command line, one argument per line with a final newline, as {@code
 * /pprof/cmdline} serves it: {@code /proc/self/cmdline} with its NUL separators turned into
 * newlines, or, off Linux, what {@link ProcessHandle} knows (the JVM's arguments as a last
 * resort), with the values of secret options replaced by {@value #REDACTED} (see {@link
 * #redact}).
 */
public final class CommandLine {

  /** What a secret value is replaced with. */
  public static final String REDACTED = "******";

  /**
   * Words that make an option secret, matched in its lower-cased name. Deliberately not {@code
   * key}: {@code --tls-key}, {@code --key-file} or {@code -Djavax.net.ssl.keyStore} name files,
   * and hiding every "key" would hide where a server reads its keys from. {@code apikey} (also
   * spelt {@code api-key}, {@code api_key}, {@code apiKey}) is the exception, as its value is the
   * credential itself.
   */
  private static final List<String> SECRET_WORDS =
      List.of("token", "password", "passwd", "secret", "credential", "apikey");

  private CommandLine() {}

  /** The arguments of this process, the program first, secrets redacted. */
  public static List<String> arguments() {
    return redact(
        fromProc(Path.of("/proc/self/cmdline")).orElseGet(CommandLine::fromProcessHandle));
  }

  /**
   * The arguments with the values of secret options replaced by {@value #REDACTED}. An option is
   * secret when its name contains one of {@code token}, {@code password}, {@code passwd}, {@code
   * secret}, {@code credential} or {@code apikey}, in any case and ignoring {@code -}, {@code _}
   * and {@code .}. Forms:
   *
   * <ul>
   *   <li>{@code --admin-token v}, {@code -password v}: the next argument is replaced, whatever
   *       it looks like (a value may start with a dash; hiding an option by mistake is the
   *       cheaper error). JVM options ({@code -D…}, {@code -X…}) never take a separate value, so
   *       they are left out of this rule.
   *   <li>{@code --admin-token=v}, {@code -Dpegasus.admin.token=v}, {@code password=v}: the text
   *       after the first {@code =} whose name part (the text since the previous {@code =})
   *       contains a secret word, so {@code -javaagent:a.jar=token=v} becomes {@code
   *       -javaagent:a.jar=token=******}.
   * </ul>
   */
  public static List<String> redact(List<String> arguments) {
    List<String> out = new ArrayList<>(arguments.size());
    boolean valueIsSecret = false;
    for (String a : arguments) {
      if (valueIsSecret) {
        out.add(REDACTED);
        valueIsSecret = false;
        continue;
      }
      int eq = secretAssignment(a);
      if (eq >= 0) {
        out.add(a.substring(0, eq + 1) + REDACTED);
      } else {
        out.add(a);
        valueIsSecret = takesSeparateValue(a) && isSecretName(a);
      }
    }
    return out;
  }

  /** The index of the {@code =} after which {@code argument} holds a secret, or -1. */
  private static int secretAssignment(String argument) {
    int nameStart = 0;
    for (int eq = argument.indexOf('='); eq >= 0; eq = argument.indexOf('=', eq + 1)) {
      if (isSecretName(argument.substring(nameStart, eq))) {
        return eq;
      }
      nameStart = eq + 1;
    }
    return -1;
  }

  private static boolean takesSeparateValue(String argument) {
    return argument.startsWith("-")
        && argument.indexOf('=') < 0
        && !argument.startsWith("-D")
        && !argument.startsWith("-X");
  }

  private static boolean isSecretName(String name) {
    String folded = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
    for (String word : SECRET_WORDS) {
      if (folded.contains(word)) {
        return true;
      }
    }
    return false;
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
