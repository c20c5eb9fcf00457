package dev.pegasus.http.core.internal.metrics;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's host name as upstream's {@code gethostname()} gives it (not necessarily a FQDN),
 * looked up once per JVM; {@code unknown} when it cannot be found. It is {@code /metrics}'s {@code
 * host} and the 2.5 exporter's {@code host_name} label.
 */
final class HostName {

  private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

  private HostName() {}

  /** The cached host name. */
  static String get() {
    return Holder.NAME;
  }

  private static final class Holder {
    static final String NAME = lookUp();
  }

  private static String lookUp() {
    // Linux's exact gethostname(), without the name resolution InetAddress.getLocalHost() needs
    // (which fails on hosts whose own name does not resolve).
    try {
      String name = Files.readString(KERNEL_HOSTNAME, StandardCharsets.UTF_8).strip();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException | SecurityException e) {
      // not Linux, or not readable: ask the JDK
    }
    try {
      String name = InetAddress.getLocalHost().getHostName();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException | SecurityException e) {
      // the name does not resolve: nothing else to ask
    }
    return "unknown";
  }
}
