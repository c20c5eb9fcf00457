package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two JSON styles of Pegasus 2.0 and its double formatting. */
final class JsonWritersTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0.00",
    "1e-9, 0.00",
    "-1e-9, 0.00",
    "0.125, 0.12",
    "0.375, 0.38",
    "1.005, 1.00",
    "2.675, 2.67",
    "12345, 12345.00",
    "-3, -3.00",
    "0.1, 0.10",
    "1.999, 2.00"
  })
  void twoDecimalsRoundTheExactBinaryValueHalfEven(double x, String expected) {
    assertThat(Decimals.twoPlaces(x)).isEqualTo(expected);
  }

  @Test
  void tableStyleWritesStringsInInsertionOrderWithNewline() {
    String body =
        new TableJsonWriter()
            .beginObject()
            .beginObject("general")
            .field("app_name", "test_meta_http")
            .field("app_id", 2)
            .field("partition_count", 8L)
            .field("max_replica_count", 3)
            .endObject()
            .endObject()
            .finish();
    assertThat(body)
        .isEqualTo(
            "{\"general\":{\"app_name\":\"test_meta_http\",\"app_id\":\"2\",\"partition_count\":\"8\","
                + "\"max_replica_count\":\"3\"}}\n");
  }

  @Test
  void tableStyleEscapesLikeRapidjson() {
    String body =
        new TableJsonWriter().beginObject().field("k", "a\"b\\c/d\u0001\n\tü").field("t", true).endObject().finish();
    assertThat(body).isEqualTo("{\"k\":\"a\\\"b\\\\c/d\\u0001\\n\\tü\",\"t\":\"true\"}\n");
  }

  @Test
  void emptyObject() {
    assertThat(new TableJsonWriter().beginObject().endObject().finish()).isEqualTo("{}\n");
  }

  @Test
  void sortedStyleSortsKeysAsBytesAndKeepsTypes() {
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put("appid", 2);
    entries.put("2", ImmutableMap.of("dupid", 7, "status", "DS_START"));
    entries.put("10", ImmutableMap.of("b", false));
    entries.put("1", ImmutableMap.of("x", List.of(1, "a")));
    assertThat(SortedJson.write(entries))
        .isEqualTo(
            "{\"1\":{\"x\":[1,\"a\"]},\"10\":{\"b\":false},\"2\":{\"dupid\":7,\"status\":\"DS_START\"},\"appid\":2}");
    assertThat(SortedJson.write(ImmutableMap.of("1.10", 1, "1.2", 2, "1.1", 3)))
        .isEqualTo("{\"1.1\":3,\"1.10\":1,\"1.2\":2}");
  }

  @Test
  void sortedStyleWritesNullForNothing() {
    assertThat(SortedJson.write(null)).isEqualTo("null");
  }
}
