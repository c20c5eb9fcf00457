package dev.pegasus.http.core.internal.metrics;

import com.google.common.base.Ascii;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.pegasus.http.core.internal.ErrorText;
import dev.pegasus.http.core.internal.ParameterBinder;
import dev.pegasus.http.core.metrics.Metric;
import dev.pegasus.http.core.metrics.MetricEntity;
import java.util.Map;

/**
 * The six parameters of a {@code /metrics} JSON query (reference §2.1) and the filters they make
 * (§2.2): which entities are emitted, which of their metrics, and which fields of each metric.
 *
 * <p>Lists follow Pegasus master's {@code split_args} rule ({@link ParameterBinder#list}), cut at
 * a NUL as a C string is. Parameters are checked in the order the client sent them and the first
 * bad one is the error (upstream's order is its {@code unordered_map}'s, i.e. unspecified).
 */
final class MetricsQuery {

  // One bit per metric field, so a metric's selection is one AND on the hot path.
  static final int TYPE = 1;
  static final int NAME = 1 << 1;
  static final int UNIT = 1 << 2;
  static final int DESC = 1 << 3;
  static final int VALUE = 1 << 4;
  /** {@code p50} is this bit, then {@code p90}… in {@link dev.pegasus.http.core.metrics.Quantile} order. */
  static final int FIRST_QUANTILE = 1 << 5;

  static final int ALL_FIELDS = (FIRST_QUANTILE << 5) - 1;
  /** Upstream's brief set: {@code name}, {@code value} and the percentiles. */
  static final int BRIEF_FIELDS = ALL_FIELDS & ~(TYPE | UNIT | DESC);

  static final String DETAIL_ERROR =
      "the value of detail should be a boolean value, i.e. true or false";
  static final String ATTRIBUTES_ERROR =
      "the number of arguments for attributes should be even, since each attribute name always"
          + " pairs with a value";

  /** A query without parameters: every entity with metrics, brief fields. */
  static final MetricsQuery ALL =
      new MetricsQuery(ImmutableSet.of(), ImmutableSet.of(), ImmutableList.of(), ImmutableSet.of(), BRIEF_FIELDS);

  private final ImmutableSet<String> types;
  private final ImmutableSet<String> ids;
  /** Name, value, name, value, …. */
  private final ImmutableList<String> attributes;
  private final ImmutableSet<String> metrics;
  private final int fields;

  private MetricsQuery(
      ImmutableSet<String> types,
      ImmutableSet<String> ids,
      ImmutableList<String> attributes,
      ImmutableSet<String> metrics,
      int fields) {
    this.types = types;
    this.ids = ids;
    this.attributes = attributes;
    this.metrics = metrics;
    this.fields = fields;
  }

  /** A client mistake in the parameters, with master's {@code error_message}. */
  static final class Invalid extends Exception {
    Invalid(String errorMessage) {
      super(errorMessage, null, false, false);
    }
  }

  /**
   * Parses the decoded parameters, in the order sent.
   *
   * @throws Invalid for the first bad parameter
   */
  static MetricsQuery parse(Map<String, String> parameters) throws Invalid {
    if (parameters.isEmpty()) {
      return ALL;
    }
    ImmutableSet<String> types = ImmutableSet.of();
    ImmutableSet<String> ids = ImmutableSet.of();
    ImmutableList<String> attributes = ImmutableList.of();
    ImmutableSet<String> metrics = ImmutableSet.of();
    ImmutableList<String> withFields = null;
    boolean detail = false;
    for (Map.Entry<String, String> p : parameters.entrySet()) {
      String value = p.getValue();
      switch (p.getKey()) {
        case "with_metric_fields" -> withFields = list(value);
        case "types" -> types = ImmutableSet.copyOf(list(value));
        case "ids" -> ids = ImmutableSet.copyOf(list(value));
        case "attributes" -> {
          attributes = list(value);
          if (attributes.size() % 2 != 0) {
            throw new Invalid(ATTRIBUTES_ERROR);
          }
        }
        case "metrics" -> metrics = ImmutableSet.copyOf(list(value));
        case "detail" -> detail = bool(value);
        default ->
            // Bounded and with control characters escaped, as every echo of client input here.
            throw new Invalid(
                "unknown field " + ErrorText.bounded(p.getKey(), ErrorText.MAX_PATH) + "="
                    + ErrorText.bounded(value, ErrorText.MAX_PATH));
      }
    }
    int fields;
    if (withFields != null) {
      fields = withFields.isEmpty() ? ALL_FIELDS : fieldBits(withFields);
    } else {
      fields = detail ? ALL_FIELDS : BRIEF_FIELDS;
    }
    return new MetricsQuery(types, ids, attributes, metrics, fields);
  }

  private static ImmutableList<String> list(String value) {
    int nul = value.indexOf('\0');
    return ParameterBinder.list(nul < 0 ? value : value.substring(0, nul));
  }

  /** {@code buf2bool}: {@code true} or {@code false} in any ASCII case, nothing else. */
  private static boolean bool(String value) throws Invalid {
    if (Ascii.equalsIgnoreCase(value, "true")) {
      return true;
    }
    if (Ascii.equalsIgnoreCase(value, "false")) {
      return false;
    }
    throw new Invalid(DETAIL_ERROR);
  }

  /** The bits of the named fields; unknown names are ignored, as upstream. */
  private static int fieldBits(ImmutableList<String> names) {
    int bits = 0;
    for (String name : names) {
      bits |=
          switch (name) {
            case "type" -> TYPE;
            case "name" -> NAME;
            case "unit" -> UNIT;
            case "desc" -> DESC;
            case "value" -> VALUE;
            case "p50" -> FIRST_QUANTILE;
            case "p90" -> FIRST_QUANTILE << 1;
            case "p95" -> FIRST_QUANTILE << 2;
            case "p99" -> FIRST_QUANTILE << 3;
            case "p999" -> FIRST_QUANTILE << 4;
            default -> 0;
          };
    }
    return bits;
  }

  /** Whether the entity passes the type, id and attribute filters (not yet the metric filter). */
  boolean selectsEntity(MetricEntity entity) {
    if (!types.isEmpty() && !types.contains(entity.type())) {
      return false;
    }
    if (!ids.isEmpty() && !ids.contains(entity.id())) {
      return false;
    }
    return attributes.isEmpty() || anyAttributeMatches(entity.attributes());
  }

  /** Any pair the entity has with exactly that value (OR); unknown names match nothing. */
  private boolean anyAttributeMatches(Map<String, String> has) {
    for (int i = 0; i < attributes.size(); i += 2) {
      if (attributes.get(i + 1).equals(has.get(attributes.get(i)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the metric is selected by name (all are when {@code metrics} is empty). */
  boolean selectsMetric(Metric metric) {
    return metrics.isEmpty() || metrics.contains(metric.name());
  }

  /** Whether no filter is given: every entity that has metrics, with all its metrics. */
  boolean selectsEverything() {
    return types.isEmpty() && ids.isEmpty() && attributes.isEmpty() && metrics.isEmpty();
  }

  /** The fields to print, as the bits above. */
  int fields() {
    return fields;
  }
}
