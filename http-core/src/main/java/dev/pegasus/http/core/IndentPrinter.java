package dev.pegasus.http.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.util.Arrays;

/**
 * The layout rapidjson's {@code PrettyWriter} and nlohmann's {@code dump(indent)} share: every
 * member and element on its own line, indented by {@code width} spaces a level, {@code "key":
 * value} with one space after the colon, {@code ,} at the line's end, and an empty object or
 * array as {@code {}} or {@code []} on one line. Jackson's own {@code DefaultPrettyPrinter}
 * writes {@code " : "} and {@code { }}, hence this one. Stateful: one per generator.
 */
final class IndentPrinter implements PrettyPrinter {

  private final int width;
  /** A newline and enough spaces for the current depth, written with one raw call. */
  private char[] newline;
  private int depth;

  IndentPrinter(int width) {
    this.width = width;
    this.newline = new char[1 + 8 * width];
    Arrays.fill(newline, ' ');
    newline[0] = '\n';
  }

  private void newLine(JsonGenerator g) throws IOException {
    int length = 1 + depth * width;
    if (length > newline.length) {
      int old = newline.length;
      newline = Arrays.copyOf(newline, length * 2);
      Arrays.fill(newline, old, newline.length, ' ');
    }
    g.writeRaw(newline, 0, length);
  }

  @Override
  public void writeRootValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(' ');
  }

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    g.writeRaw('{');
    depth++;
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    newLine(g);
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    g.writeRaw(',');
    newLine(g);
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    depth--;
    if (entries > 0) {
      newLine(g);
    }
    g.writeRaw('}');
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    g.writeRaw('[');
    depth++;
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    newLine(g);
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(',');
    newLine(g);
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    depth--;
    if (values > 0) {
      newLine(g);
    }
    g.writeRaw(']');
  }
}
