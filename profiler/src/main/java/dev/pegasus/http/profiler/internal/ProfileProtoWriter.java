package dev.pegasus.http.profiler.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzipped <a href="https://github.com/google/pprof/blob/main/proto/profile.proto">
 * profile.proto</a> by hand (the schema is small and frozen, so no generated code). Functions
 * carry names and derived file names, locations carry lines and the same synthetic addresses as
 * the legacy formats, and the one mapping says {@code has_functions}, so {@code go tool pprof}
 * shows names without calling {@code /pprof/symbol}.
 */
public final class ProfileProtoWriter {

  // Field numbers of profile.proto.
  private static final int PROFILE_SAMPLE_TYPE = 1;
  private static final int PROFILE_SAMPLE = 2;
  private static final int PROFILE_MAPPING = 3;
  private static final int PROFILE_LOCATION = 4;
  private static final int PROFILE_FUNCTION = 5;
  private static final int PROFILE_STRING_TABLE = 6;
  private static final int PROFILE_TIME_NANOS = 9;
  private static final int PROFILE_DURATION_NANOS = 10;
  private static final int PROFILE_PERIOD_TYPE = 11;
  private static final int PROFILE_PERIOD = 12;
  private static final int VALUE_TYPE_TYPE = 1;
  private static final int VALUE_TYPE_UNIT = 2;
  private static final int SAMPLE_LOCATION_ID = 1;
  private static final int SAMPLE_VALUE = 2;
  private static final int MAPPING_ID = 1;
  private static final int MAPPING_MEMORY_START = 2;
  private static final int MAPPING_MEMORY_LIMIT = 3;
  private static final int MAPPING_FILENAME = 5;
  private static final int MAPPING_HAS_FUNCTIONS = 7;
  private static final int MAPPING_HAS_FILENAMES = 8;
  private static final int MAPPING_HAS_LINE_NUMBERS = 9;
  private static final int LOCATION_ID = 1;
  private static final int LOCATION_MAPPING_ID = 2;
  private static final int LOCATION_ADDRESS = 3;
  private static final int LOCATION_LINE = 4;
  private static final int LINE_FUNCTION_ID = 1;
  private static final int LINE_LINE = 2;
  private static final int FUNCTION_ID = 1;
  private static final int FUNCTION_NAME = 2;
  private static final int FUNCTION_SYSTEM_NAME = 3;
  private static final int FUNCTION_FILENAME = 4;

  /** The mapping's file name: not bracketed, so Go's pprof never calls it unsymbolizable. */
  static final String MAPPING_FILE = "jvm";

  private ProfileProtoWriter() {}

  /** The gzipped profile.proto bytes. */
  public static byte[] write(ProfileData profile, SymbolTable symbols) {
    Strings strings = new Strings();
    ProtoBuffer out = new ProtoBuffer();
    for (ValueType t : profile.sampleTypes()) {
      out.message(PROFILE_SAMPLE_TYPE, valueType(t, strings));
    }
    Map<Frame, Long> locationIds = new LinkedHashMap<>();
    Map<List<String>, Long> functionIds = new LinkedHashMap<>();
    for (Sample s : profile.samples()) {
      long[] ids = new long[s.stack().size()];
      for (int i = 0; i < ids.length; i++) {
        Frame f = s.stack().get(i);
        functionIds.putIfAbsent(List.of(f.function(), f.file()), functionIds.size() + 1L);
        ids[i] = locationIds.computeIfAbsent(f, k -> locationIds.size() + 1L);
      }
      long[] values = new long[profile.sampleTypes().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = s.value(i);
      }
      out.message(
          PROFILE_SAMPLE,
          new ProtoBuffer().packed(SAMPLE_LOCATION_ID, ids).packed(SAMPLE_VALUE, values));
    }
    long limit = 0;
    ProtoBuffer locations = new ProtoBuffer();
    for (Map.Entry<Frame, Long> e : locationIds.entrySet()) {
      Frame f = e.getKey();
      long address = symbols.address(f.function());
      limit = Math.max(limit, address + SymbolTable.RANGE);
      ProtoBuffer line =
          new ProtoBuffer()
              .varint(LINE_FUNCTION_ID, functionIds.get(List.of(f.function(), f.file())))
              .varint(LINE_LINE, Math.max(0, f.line()));
      locations.message(
          PROFILE_LOCATION,
          new ProtoBuffer()
              .varint(LOCATION_ID, e.getValue())
              .varint(LOCATION_MAPPING_ID, 1)
              .varint(LOCATION_ADDRESS, address)
              .message(LOCATION_LINE, line));
    }
    out.message(
        PROFILE_MAPPING,
        new ProtoBuffer()
            .varint(MAPPING_ID, 1)
            .varint(MAPPING_MEMORY_START, SymbolTable.BASE)
            .varint(MAPPING_MEMORY_LIMIT, Math.max(limit, SymbolTable.BASE + SymbolTable.RANGE))
            .varint(MAPPING_FILENAME, strings.index(MAPPING_FILE))
            .bool(MAPPING_HAS_FUNCTIONS, true)
            .bool(MAPPING_HAS_FILENAMES, true)
            .bool(MAPPING_HAS_LINE_NUMBERS, true));
    byte[] locationBytes = locations.toByteArray();
    ProtoBuffer functions = new ProtoBuffer();
    for (Map.Entry<List<String>, Long> e : functionIds.entrySet()) {
      long name = strings.index(e.getKey().get(0));
      functions.message(
          PROFILE_FUNCTION,
          new ProtoBuffer()
              .varint(FUNCTION_ID, e.getValue())
              .varint(FUNCTION_NAME, name)
              .varint(FUNCTION_SYSTEM_NAME, name)
              .varint(FUNCTION_FILENAME, strings.index(e.getKey().get(1))));
    }
    ProtoBuffer tail =
        new ProtoBuffer()
            .varint(PROFILE_TIME_NANOS, profile.timeNanos())
            .varint(PROFILE_DURATION_NANOS, profile.durationNanos())
            .message(PROFILE_PERIOD_TYPE, valueType(profile.periodType(), strings))
            .varint(PROFILE_PERIOD, profile.period());
    ProtoBuffer stringTable = new ProtoBuffer();
    for (String s : strings.all()) {
      stringTable.string(PROFILE_STRING_TABLE, s);
    }
    // Protobuf fields may come in any order; the string table goes last because only then are
    // all strings known.
    return gzip(
        out.toByteArray(),
        locationBytes,
        functions.toByteArray(),
        tail.toByteArray(),
        stringTable.toByteArray());
  }

  private static ProtoBuffer valueType(ValueType t, Strings strings) {
    return new ProtoBuffer()
        .varint(VALUE_TYPE_TYPE, strings.index(t.type()))
        .varint(VALUE_TYPE_UNIT, strings.index(t.unit()));
  }

  private static byte[] gzip(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (byte[] part : parts) {
        gz.write(part);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The string table: index 0 is the empty string, as profile.proto requires. */
  private static final class Strings {
    private final Map<String, Long> index = new HashMap<>();
    private final java.util.ArrayList<String> all = new java.util.ArrayList<>();

    Strings() {
      index("");
    }

    long index(String s) {
      return index.computeIfAbsent(
          s,
          k -> {
            all.add(k);
            return (long) all.size() - 1;
          });
    }

    List<String> all() {
      return all;
    }
  }
}
