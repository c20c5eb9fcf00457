package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pegasus master's two pretty styles, from the examples of the master reference (§0, §2.1, §2.3,
 * §4, §5.7): P-JSON ({@link PrettyJsonWriter}) and N2-JSON ({@link SortedPrettyJson}).
 */
final class JsonPrettyStylesTest {

  @Test
  void pJsonMetricsBodyOfTheReference() {
    String body =
        new PrettyJsonWriter()
            .beginObject()
            .field("cluster", "onebox")
            .field("role", "replica")
            .field("host", "node-1")
            .field("port", 34801)
            .field("timestamp_ns", 1718000000123456789L)
            .beginArray("entities")
            .beginObject()
            .field("type", "replica")
            .field("id", "replica@2.3")
            .beginObject("attributes")
            .field("table_id", "2")
            .field("partition_id", "3")
            .endObject()
            .beginArray("metrics")
            .beginObject()
            .field("name", "get_requests")
            .field("value", 1024)
            .endObject()
            .beginObject()
            .field("name", "get_latency_ns")
            .field("p50", 120000)
            .field("p90", 250000)
            .field("p95", 300000)
            .field("p99", 800000)
            .field("p999", 1500000)
            .endObject()
            .endArray()
            .endObject()
            .endArray()
            .endObject()
            .finish();
    assertThat(body)
        .isEqualTo(
            String.join(
                "\n",
                "{",
                "    \"cluster\": \"onebox\",",
                "    \"role\": \"replica\",",
                "    \"host\": \"node-1\",",
                "    \"port\": 34801,",
                "    \"timestamp_ns\": 1718000000123456789,",
                "    \"entities\": [",
                "        {",
                "            \"type\": \"replica\",",
                "            \"id\": \"replica@2.3\",",
                "            \"attributes\": {",
                "                \"table_id\": \"2\",",
                "                \"partition_id\": \"3\"",
                "            },",
                "            \"metrics\": [",
                "                {",
                "                    \"name\": \"get_requests\",",
                "                    \"value\": 1024",
                "                },",
                "                {",
                "                    \"name\": \"get_latency_ns\",",
                "                    \"p50\": 120000,",
                "                    \"p90\": 250000,",
                "                    \"p95\": 300000,",
                "                    \"p99\": 800000,",
                "                    \"p999\": 1500000",
                "                }",
                "            ]",
                "        }",
                "    ]",
                "}"));
  }

  @Test
  void pJsonErrorBodyHasNoTrailingNewline() {
    assertThat(
            new PrettyJsonWriter()
                .beginObject()
                .field("error_message", "unknown field foo=bar")
                .endObject()
                .finishBytes())
        .isEqualTo("{\n    \"error_message\": \"unknown field foo=bar\"\n}".getBytes());
  }

  @Test
  void pJsonEmptyContainersStayOnOneLine() {
    assertThat(
            new PrettyJsonWriter()
                .beginObject()
                .field("cluster", "onebox")
                .beginObject("attributes")
                .endObject()
                .beginArray("entities")
                .endArray()
                .endObject()
                .finish())
        .isEqualTo("{\n    \"cluster\": \"onebox\",\n    \"attributes\": {},\n    \"entities\": []\n}");
    assertThat(new PrettyJsonWriter().beginObject().endObject().finish()).isEqualTo("{}");
    assertThat(new PrettyJsonWriter().beginArray().endArray().finish()).isEqualTo("[]");
  }

  @Test
  void pJsonArrayValuesOfEveryType() {
    assertThat(
            new PrettyJsonWriter()
                .beginArray()
                .value("a")
                .value(-3)
                .value(1.5)
                .value(true)
                .value((String) null)
                .beginArray()
                .value(0.0)
                .endArray()
                .endArray()
                .finish())
        .isEqualTo("[\n    \"a\",\n    -3,\n    1.5,\n    true,\n    null,\n    [\n        0.0\n    ]\n]");
    assertThat(new PrettyJsonWriter().beginObject().field("ok", false).field("x", (String) null).endObject().finish())
        .isEqualTo("{\n    \"ok\": false,\n    \"x\": null\n}");
  }

  /** The doubles the reference verified against rapidjson 1.1.0 (§0). */
  @ParameterizedTest
  @CsvSource({
    "0.0, 0.0",
    "-0.0, -0.0",
    "1.0, 1.0",
    "1.5, 1.5",
    "1e20, 100000000000000000000.0",
    "1e21, 1e21",
    "1.23e21, 1.23e21",
    "0.000001, 0.000001",
    "1e-7, 1e-7",
    "0.30000000000000007, 0.30000000000000007",
    "5.12, 5.12",
    "-1234.5678, -1234.5678",
    "123e-9, 1.23e-7",
    "1.7976931348623157e308, 1.7976931348623157e308",
    "4.9e-324, 5e-324",
    "1e100, 1e100"
  })
  void pJsonDoublesAsRapidjson(double value, String expected) {
    assertThat(new PrettyJsonWriter().beginObject().field("v", value).endObject().finish())
        .isEqualTo("{\n    \"v\": " + expected + "\n}");
  }

  @Test
  void pJsonRefusesNonFiniteDoublesAndMisplacedCalls() {
    assertThrows(IllegalArgumentException.class, () -> new PrettyJsonWriter().beginObject().field("v", Double.NaN));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PrettyJsonWriter().beginArray().value(Double.POSITIVE_INFINITY));
    assertThrows(IllegalStateException.class, () -> new PrettyJsonWriter().field("k", 1));
    assertThrows(IllegalStateException.class, () -> new PrettyJsonWriter().beginObject().value(1));
    assertThrows(IllegalStateException.class, () -> new PrettyJsonWriter().beginArray().field("k", 1));
    assertThrows(IllegalStateException.class, () -> new PrettyJsonWriter().beginObject().endArray());
    assertThrows(IllegalStateException.class, () -> new PrettyJsonWriter().beginObject().finish());
    assertThrows(IllegalStateException.class, () -> new PrettyJsonWriter().finish());
    PrettyJsonWriter done = new PrettyJsonWriter().beginObject().endObject();
    assertThat(done.finishBytes()).isSameInstanceAs(done.finishBytes());
    assertThrows(IllegalStateException.class, () -> done.beginObject());
  }

  @Test
  void n2JsonEnvsListOfTheReference() {
    Map<String, Object> envs = new LinkedHashMap<>();
    envs.put(
        "default_ttl",
        ImmutableMap.of("type", "unsigned int32", "sample", "86400", "limitation", ">= 0"));
    envs.put("business.info", ImmutableMap.of("type", "string", "sample", "", "limitation", ""));
    assertThat(SortedPrettyJson.write(envs))
        .isEqualTo(
            String.join(
                "\n",
                "{",
                "  \"business.info\": {",
                "    \"limitation\": \"\",",
                "    \"sample\": \"\",",
                "    \"type\": \"string\"",
                "  },",
                "  \"default_ttl\": {",
                "    \"limitation\": \">= 0\",",
                "    \"sample\": \"86400\",",
                "    \"type\": \"unsigned int32\"",
                "  }",
                "}"));
  }

  /** §5.7: master's {@code balance_operation_count} is a string holding N2-JSON, in a T-JSON body. */
  @Test
  void n2JsonBalanceOperationCountInsideTheClusterBody() {
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("move_pri", 0);
    counts.put("copy_pri", 0);
    counts.put("copy_sec", 0);
    counts.put("total", 0);
    String body =
        new TableJsonWriter()
            .beginObject()
            .field("balance_operation_count", SortedPrettyJson.write(counts))
            .endObject()
            .finish();
    assertThat(body)
        .isEqualTo(
            "{\"balance_operation_count\":\"{\\n  \\\"copy_pri\\\": 0,\\n  \\\"copy_sec\\\": 0,\\n"
                + "  \\\"move_pri\\\": 0,\\n  \\\"total\\\": 0\\n}\"}\n");
  }

  @Test
  void n2JsonArraysEmptiesAndScalars() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("list", List.of(1, "a", List.of(), Map.of()));
    value.put("empty", Map.of());
    value.put("flag", true);
    value.put("none", null);
    assertThat(SortedPrettyJson.write(value))
        .isEqualTo(
            "{\n  \"empty\": {},\n  \"flag\": true,\n  \"list\": [\n    1,\n    \"a\",\n    [],\n    {}\n  ],\n"
                + "  \"none\": null\n}");
    assertThat(SortedPrettyJson.write(Map.of())).isEqualTo("{}");
    assertThat(SortedPrettyJson.write("x")).isEqualTo("\"x\"");
  }

  /** nlohmann's {@code dump()} layout: plain while the exponent is in (-4, 15], printf-style else. */
  @ParameterizedTest
  @CsvSource({
    "0.0, 0.0",
    "-0.0, -0.0",
    "1.0, 1.0",
    "2.5, 2.5",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "123456789012345.0, 123456789012345.0",
    "1e15, 1e+15",
    "1.5e300, 1.5e+300",
    "-2.5e-10, -2.5e-10",
    "0.30000000000000004, 0.30000000000000004",
    "NaN, null",
    "Infinity, null"
  })
  void n2JsonDoublesAsNlohmann(double value, String expected) {
    assertThat(SortedPrettyJson.write(ImmutableMap.of("v", value))).isEqualTo("{\n  \"v\": " + expected + "\n}");
  }
}
