package dev.pegasus.http.core.internal.metrics;

/**
 * The bodies {@code /metrics} can answer with, and the choice among them from a request's
 * {@code Accept} header.
 */
public enum MetricsFormat {
  /** Pegasus master's P-JSON query result: no Accept, {@code *}{@code /*}, or JSON asked for. */
  PEGASUS_JSON,
  /** Prometheus text format 0.0.4. */
  PROMETHEUS_TEXT,
  /** OpenMetrics text 1.0.0. */
  OPENMETRICS;

  /**
   * The format for this Accept header (null when absent).
   *
   * <p>TODO(issue 11, exposition): q-values, OpenMetrics and Prometheus text; answers JSON for now.
   */
  public static MetricsFormat negotiate(String accept) {
    return PEGASUS_JSON;
  }
}
