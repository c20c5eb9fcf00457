package dev.pegasus.http.core.internal.metrics;

import dev.pegasus.http.core.metrics.Metric;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a metric whose read threw (a callback gauge or counter calling into host code) at WARN,
 * once per prototype for the life of the process: a broken callback on thousands of entities,
 * read by every scrape, must not flood the log.
 */
final class MetricReadFailures {

  private static final Logger log = LoggerFactory.getLogger(MetricReadFailures.class);

  /** The prototypes already logged ({@code entityType/name}); prototypes are few and fixed. */
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

  private MetricReadFailures() {}

  /** Notes that reading {@code metric} threw {@code failure}; logs it if it is the first time. */
  static void report(Metric metric, RuntimeException failure) {
    String key = metric.prototype().entityType() + "/" + metric.name();
    if (LOGGED.add(key)) {
      log.warn(
          "reading metric {} failed; it is left out of /metrics until it reads again"
              + " (further failures of {} are not logged)",
          key,
          key,
          failure);
    }
  }
}
