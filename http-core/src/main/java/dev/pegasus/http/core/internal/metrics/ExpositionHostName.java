package dev.pegasus.http.core.internal.metrics;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's host name as {@code gethostname()} gives it, the 2.5 exporter's {@code host_name}
 * label: the kernel's name where Linux shows it, else the JVM's local host name.
 */
final class ExpositionHostName {

  private static final String NAME = find();

  private ExpositionHostName() {}

  /** The host name, looked up once per JVM. */
  static String get() {
    return NAME;
  }

  private static String find() {
    try {
      String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      if (!kernel.isEmpty()) {
        return kernel;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
