package dev.pegasus.http.core.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code dev.pegasus.http.access} logger: role, client, method,
 * target, status, bytes sent and microseconds.
 */
final class AccessLog {

  private static final Logger log = LoggerFactory.getLogger("dev.pegasus.http.access");

  private AccessLog() {}

  static boolean enabled() {
    return log.isInfoEnabled();
  }

  static void record(
      String role, String client, String method, String target, int status, long bytes, long micros) {
    log.info("[{}] {} {} {} {} {}B {}us", role, client, method, target, status, bytes, micros);
  }
}
