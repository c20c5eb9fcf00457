package dev.pegasus.http.core.internal.metrics;

import dev.pegasus.http.core.PrettyJsonWriter;
import dev.pegasus.http.core.metrics.Counter;
import dev.pegasus.http.core.metrics.Gauge;
import dev.pegasus.http.core.metrics.Metric;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.Percentile;
import dev.pegasus.http.core.metrics.Quantile;
import dev.pegasus.http.core.metrics.VolatileCounter;
import java.util.List;
import java.util.Map;

/**
 * Builds the P-JSON body of a {@code /metrics} query (reference §2.3): {@code cluster}, {@code
 * role}, {@code host}, {@code port}, {@code timestamp_ns}, then the selected entities in creation
 * order, each with its attributes in the order given and its selected metrics in creation order.
 *
 * <p>Reading a selected {@link VolatileCounter} resets it (§2.5), whatever fields are printed,
 * unless the body is written for a HEAD ({@link ReadMode#PEEK}): nobody reads that body.
 *
 * <p>A metric whose read throws (a callback gauge or counter calling host code) is left out of
 * the body, and logged once ({@link MetricReadFailures}); the rest is served. An entity whose
 * selected metrics all failed is left out, as one without metrics.
 */
final class MetricsJsonBody {

  private static final Quantile[] QUANTILES = Quantile.values();

  /** How a volatile counter is read. */
  enum ReadMode {
    /** Fetch and reset, as master does on every read (a GET). */
    RESET,
    /** Read without reset (a HEAD, whose body is dropped). */
    PEEK
  }

  /** The top-level members before {@code entities}. */
  record Header(String cluster, String role, String host, int port, long timestampNanos) {}

  private MetricsJsonBody() {}

  /**
   * The body for these entities under this query.
   *
   * @param sizeHint the expected size in bytes (e.g. the previous body's), so that a large body
   *     is written into one buffer instead of growing it by copies
   * @param mode whether selected volatile counters are reset
   */
  static byte[] write(
      Header header, List<MetricEntity> entities, MetricsQuery query, int sizeHint, ReadMode mode) {
    PrettyJsonWriter json = new PrettyJsonWriter(Math.max(256, sizeHint));
    json.beginObject()
        .field("cluster", header.cluster())
        .field("role", header.role())
        .field("host", header.host())
        .field("port", header.port())
        .field("timestamp_ns", header.timestampNanos())
        .beginArray("entities");
    int fields = query.fields();
    for (MetricEntity entity : entities) {
      if (!query.selectsEntity(entity)) {
        continue;
      }
      List<Metric> metrics = entity.metrics();
      boolean emitted = false;
      for (int i = 0; i < metrics.size(); i++) {
        Metric m = metrics.get(i);
        if (!query.selectsMetric(m)) {
          continue;
        }
        long value = 0;
        if (!(m instanceof Percentile)) {
          // Read before the field check: a selected volatile counter resets even when value is
          // not printed.
          try {
            value = valueOf(m, mode);
          } catch (RuntimeException e) {
            MetricReadFailures.report(m, e);
            continue;
          }
        }
        if (!emitted) {
          // Opened at its first readable selected metric: no selected metric (or none at all),
          // no entity.
          beginEntity(json, entity);
          emitted = true;
        }
        writeMetric(json, m, fields, value);
      }
      if (emitted) {
        json.endArray().endObject();
      }
    }
    return json.endArray().endObject().finishBytes();
  }

  private static void beginEntity(PrettyJsonWriter json, MetricEntity entity) {
    json.beginObject().field("type", entity.type()).field("id", entity.id()).beginObject("attributes");
    for (Map.Entry<String, String> a : entity.attributes().entrySet()) {
      json.field(a.getKey(), a.getValue());
    }
    json.endObject().beginArray("metrics");
  }

  /** One metric object; {@code value} is the metric's value already read (unused for a percentile). */
  private static void writeMetric(PrettyJsonWriter json, Metric metric, int fields, long value) {
    MetricPrototype p = metric.prototype();
    json.beginObject();
    if ((fields & MetricsQuery.TYPE) != 0) {
      json.field("type", p.type().wireName());
    }
    if ((fields & MetricsQuery.NAME) != 0) {
      json.field("name", p.name());
    }
    if ((fields & MetricsQuery.UNIT) != 0) {
      json.field("unit", p.unit().wireName());
    }
    if ((fields & MetricsQuery.DESC) != 0) {
      json.field("desc", p.description());
    }
    if (metric instanceof Percentile percentile) {
      for (Quantile q : QUANTILES) {
        if ((fields & (MetricsQuery.FIRST_QUANTILE << q.ordinal())) != 0 && p.quantiles().contains(q)) {
          json.field(q.fieldName(), percentile.value(q));
        }
      }
    } else if ((fields & MetricsQuery.VALUE) != 0) {
      json.field("value", value);
    }
    json.endObject();
  }

  private static long valueOf(Metric metric, ReadMode mode) {
    if (metric instanceof Counter c) {
      return c.value();
    }
    if (metric instanceof Gauge g) {
      return g.value();
    }
    VolatileCounter v = (VolatileCounter) metric;
    return mode == ReadMode.RESET ? v.fetchAndReset() : v.peek();
  }
}
