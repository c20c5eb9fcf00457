package dev.pegasus.http.collector;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteBufferFeeder;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Parses a {@code /perfCounters} body, {@code [{"name":..,"type":..,"value":12.0},..]}, chunk by
 * chunk as it arrives, with Jackson's non-blocking parser: no body-sized buffer and no tree.
 * Entries without a numeric {@code value} (percentiles carry {@code p99}/{@code p999}) are
 * skipped, as are unknown fields, whatever their shape.
 *
 * <pre>{@code
 * CountersParser p = new CountersParser();
 * p.feed(chunk1); p.feed(chunk2);
 * CounterReadings readings = p.finish();
 * }</pre>
 */
final class CountersParser {

  private static final JsonFactory JSON = new JsonFactory();

  private final JsonParser parser;
  private final ByteBufferFeeder feeder;
  private final CounterReadings readings = new CounterReadings();
  private boolean started;
  private boolean ended;
  private boolean inEntry;
  private int skipDepth;
  private String field;
  private String name;
  private double value;
  private boolean hasValue;

  CountersParser() {
    try {
      parser = JSON.createNonBlockingByteBufferParser();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    feeder = (ByteBufferFeeder) parser.getNonBlockingInputFeeder();
  }

  /** Parses one more chunk of the body; the buffer is consumed. */
  void feed(ByteBuffer chunk) throws IOException {
    if (!chunk.hasRemaining()) {
      return;
    }
    feeder.feedInput(chunk);
    drain();
  }

  /** Ends the body and returns what it held; an IOException if it was cut short or malformed. */
  CounterReadings finish() throws IOException {
    feeder.endOfInput();
    drain();
    if (!ended) {
      throw new IOException("the counter list ends early");
    }
    parser.close();
    return readings;
  }

  private void drain() throws IOException {
    JsonToken t;
    while ((t = parser.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
      accept(t);
    }
  }

  private void accept(JsonToken t) throws IOException {
    if (ended) {
      throw new IOException("unexpected " + t + " after the counter list");
    }
    if (!started) {
      if (t != JsonToken.START_ARRAY) {
        throw new IOException("expected a JSON array of counters, got " + t);
      }
      started = true;
      return;
    }
    if (skipDepth > 0) {
      skipDepth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
      return;
    }
    if (!inEntry) {
      if (t == JsonToken.END_ARRAY) {
        ended = true;
      } else if (t == JsonToken.START_OBJECT) {
        inEntry = true;
        name = null;
        hasValue = false;
      } else {
        throw new IOException("expected a counter object, got " + t);
      }
      return;
    }
    switch (t) {
      case FIELD_NAME -> field = parser.currentName();
      case END_OBJECT -> {
        inEntry = false;
        if (name != null && hasValue) {
          readings.add(name, value);
        }
      }
      case START_OBJECT, START_ARRAY -> skipDepth = 1;
      case VALUE_STRING -> {
        if ("name".equals(field)) {
          name = parser.getText();
        }
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        if ("value".equals(field)) {
          value = parser.getDoubleValue();
          hasValue = true;
        }
      }
      default -> {}
    }
  }
}
