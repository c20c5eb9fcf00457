package dev.pegasus.http.profiler.internal;

import static com.google.common.truth.Truth.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.UnknownFieldSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Decodes the written profile.proto schema-less, by field number, with protobuf-java. */
final class ProfileProtoWriterTest {

  private final SymbolTable symbols = new SymbolTable(100);

  private static UnknownFieldSet decode(byte[] gzipped) throws IOException {
    assertThat(gzipped[0]).isEqualTo((byte) 0x1f);
    assertThat(gzipped[1]).isEqualTo((byte) 0x8b);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return UnknownFieldSet.parseFrom(in.readAllBytes());
    }
  }

  private static UnknownFieldSet message(ByteString bytes) throws IOException {
    return UnknownFieldSet.parseFrom(bytes);
  }

  private static long scalar(UnknownFieldSet m, int field) {
    List<Long> v = m.hasField(field) ? m.getField(field).getVarintList() : List.of();
    return v.isEmpty() ? 0 : v.get(0);
  }

  private static List<Long> packed(UnknownFieldSet m, int field) throws IOException {
    List<Long> out = new ArrayList<>();
    if (!m.hasField(field)) {
      return out;
    }
    for (ByteString b : m.getField(field).getLengthDelimitedList()) {
      CodedInputStream in = b.newCodedInput();
      while (!in.isAtEnd()) {
        out.add(in.readRawVarint64());
      }
    }
    return out;
  }

  private static List<String> strings(UnknownFieldSet profile) {
    return profile.getField(6).getLengthDelimitedList().stream().map(ByteString::toStringUtf8).toList();
  }

  @Test
  void stringTableStartsEmptyAndSampleTypesPeriodAndTimesAreSet() throws IOException {
    UnknownFieldSet p = decode(ProfileProtoWriter.write(ProfileFixtures.cpu(), symbols));
    List<String> s = strings(p);
    assertThat(s.get(0)).isEmpty();
    List<String> types = new ArrayList<>();
    for (ByteString vt : p.getField(1).getLengthDelimitedList()) {
      UnknownFieldSet m = message(vt);
      types.add(s.get((int) scalar(m, 1)) + "/" + s.get((int) scalar(m, 2)));
    }
    assertThat(types).containsExactly("samples/count", "cpu/nanoseconds").inOrder();
    UnknownFieldSet period = message(p.getField(11).getLengthDelimitedList().get(0));
    assertThat(s.get((int) scalar(period, 1)) + "/" + s.get((int) scalar(period, 2))).isEqualTo("cpu/nanoseconds");
    assertThat(scalar(p, 12)).isEqualTo(10_000_000L);
    assertThat(scalar(p, 9)).isEqualTo(1_700_000_000_000_000_000L);
    assertThat(scalar(p, 10)).isEqualTo(2_000_000_000L);
  }

  @Test
  void samplesResolveThroughLocationsAndFunctionsToNamesFilesAndLines() throws IOException {
    UnknownFieldSet p = decode(ProfileProtoWriter.write(ProfileFixtures.cpu(), symbols));
    List<String> s = strings(p);
    Map<Long, String> functions = new HashMap<>();
    for (ByteString f : p.getField(5).getLengthDelimitedList()) {
      UnknownFieldSet m = message(f);
      assertThat(scalar(m, 3)).isEqualTo(scalar(m, 2));
      functions.put(scalar(m, 1), s.get((int) scalar(m, 2)) + "@" + s.get((int) scalar(m, 4)));
    }
    Map<Long, String> locations = new HashMap<>();
    for (ByteString l : p.getField(4).getLengthDelimitedList()) {
      UnknownFieldSet m = message(l);
      assertThat(scalar(m, 2)).isEqualTo(1L);
      UnknownFieldSet line = message(m.getField(4).getLengthDelimitedList().get(0));
      String function = functions.get(scalar(line, 1));
      assertThat(symbols.nameAt(scalar(m, 3))).hasValue(function.substring(0, function.indexOf('@')));
      locations.put(scalar(m, 1), function + ":" + scalar(line, 2));
    }
    List<String> samples = new ArrayList<>();
    for (ByteString b : p.getField(2).getLengthDelimitedList()) {
      UnknownFieldSet m = message(b);
      List<String> stack = packed(m, 1).stream().map(locations::get).toList();
      samples.add(stack + "=" + packed(m, 2));
    }
    assertThat(samples)
        .containsExactly(
            "[app.Work.alpha@app/Work.java:12, java.lang.Thread.run@java/lang/Thread.java:833]=[3, 30000000]",
            "[app.Work.beta@app/Work.java:30, java.lang.Thread.run@java/lang/Thread.java:833]=[2, 20000000]",
            "[app.Work.alpha@app/Work.java:12, java.lang.Thread.run@java/lang/Thread.java:833]=[1, 10000000]");
  }

  @Test
  void theOneMappingHasFunctionsSoNoSymbolizationIsNeeded() throws IOException {
    UnknownFieldSet p = decode(ProfileProtoWriter.write(ProfileFixtures.heap(), symbols));
    List<ByteString> mappings = p.getField(3).getLengthDelimitedList();
    assertThat(mappings).hasSize(1);
    UnknownFieldSet m = message(mappings.get(0));
    assertThat(scalar(m, 1)).isEqualTo(1L);
    assertThat(scalar(m, 2)).isEqualTo(SymbolTable.BASE);
    assertThat(scalar(m, 3)).isGreaterThan(SymbolTable.BASE);
    assertThat(strings(p).get((int) scalar(m, 5))).isEqualTo("jvm");
    assertThat(scalar(m, 7)).isEqualTo(1L);
    assertThat(scalar(m, 8)).isEqualTo(1L);
    assertThat(scalar(m, 9)).isEqualTo(1L);
  }

  @Test
  void heapProfilesHaveFourSampleTypesEndingWithInUseSpace() throws IOException {
    UnknownFieldSet p = decode(ProfileProtoWriter.write(ProfileFixtures.heap(), symbols));
    List<String> s = strings(p);
    List<String> types = new ArrayList<>();
    for (ByteString vt : p.getField(1).getLengthDelimitedList()) {
      types.add(s.get((int) scalar(message(vt), 1)));
    }
    assertThat(types).containsExactly("alloc_objects", "alloc_space", "inuse_objects", "inuse_space").inOrder();
    for (ByteString b : p.getField(2).getLengthDelimitedList()) {
      assertThat(packed(message(b), 2)).hasSize(4);
    }
  }

  @Test
  void varintsOfLargeAndNegativeValuesRoundTrip() throws IOException {
    byte[] bytes = new ProtoBuffer().varint(1, Long.MAX_VALUE).varint(2, -1).varint(3, 0).toByteArray();
    UnknownFieldSet m = UnknownFieldSet.parseFrom(bytes);
    assertThat(scalar(m, 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(scalar(m, 2)).isEqualTo(-1L);
    assertThat(m.hasField(3)).isFalse();
  }
}
