package dev.pegasus.http.collector;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Streams a {@code /perfCounters} body, {@code [{"name":..,"type":..,"value":12.00},..]}, into
 * (name, value) pairs without building a tree; percentile entries, which carry {@code p99} and
 * {@code p999} instead of a value, are skipped since no statistic uses them.
 */
final class CountersBody {

  private static final JsonFactory JSON = new JsonFactory();

  private CountersBody() {}

  static CounterReadings parse(byte[] body) throws IOException {
    CounterReadings readings = new CounterReadings();
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("expected a JSON array of counters");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
        String name = null;
        double value = 0;
        boolean hasValue = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken v = p.nextToken();
          if ("name".equals(field) && v == JsonToken.VALUE_STRING) {
            name = p.getText();
          } else if ("value".equals(field) && v.isNumeric()) {
            value = p.getDoubleValue();
            hasValue = true;
          } else {
            p.skipChildren();
          }
        }
        if (name != null && hasValue) {
          readings.add(name, value);
        }
      }
      if (t != JsonToken.END_ARRAY) {
        throw new IOException("expected a counter object or the end of the array, got " + t);
      }
    }
    return readings;
  }
}
