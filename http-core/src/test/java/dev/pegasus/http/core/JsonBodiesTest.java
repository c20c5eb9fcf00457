package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.bench.JsonWriterBenchmark;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bodies of the compact writers on Jackson: bytes, misuse, values, and the benchmark's body. */
final class JsonBodiesTest {

  @Test
  void tableFinishBytesIsTheUtf8OfFinish() {
    TableJsonWriter json = new TableJsonWriter(0).beginObject().field("név", "ü").field("n", -7L)
        .field("d", 0.125).field("b", false).field("min", Long.MIN_VALUE).endObject();
    byte[] bytes = json.finishBytes();
    assertThat(json.finish()).isEqualTo(new String(bytes, UTF_8));
    assertThat(json.finish())
        .isEqualTo("{\"név\":\"ü\",\"n\":\"-7\",\"d\":\"0.12\",\"b\":\"false\",\"min\":\"-9223372036854775808\"}\n");
    assertThat(json.finishBytes()).isSameInstanceAs(bytes);
  }

  @Test
  void tableWriterRefusesWhatTheOldOneRefused() {
    assertThrows(IllegalStateException.class, () -> new TableJsonWriter().field("k", "v"));
    assertThrows(IllegalStateException.class, () -> new TableJsonWriter().endObject());
    assertThrows(IllegalStateException.class, () -> new TableJsonWriter().finish());
    assertThrows(IllegalStateException.class, () -> new TableJsonWriter().beginObject().finish());
    assertThrows(
        IllegalStateException.class,
        () -> new TableJsonWriter().beginObject().endObject().beginObject());
    TableJsonWriter done = new TableJsonWriter().beginObject().endObject();
    done.finish();
    assertThrows(IllegalStateException.class, () -> done.field("k", 1));
    assertThrows(NullPointerException.class, () -> new TableJsonWriter().beginObject().field("k", (String) null));
  }

  @Test
  void sortedValuesKeepTheirOldForms() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("short", (short) 3);
    values.put("byte", (byte) -1);
    values.put("long", Long.MAX_VALUE);
    values.put("double", 2.5);
    values.put("integral double", 3.0);
    values.put("big double", 1e15);
    values.put("nan", Double.NaN);
    values.put("float", 0.1f);
    values.put("big integer", new BigInteger("123456789012345678901"));
    values.put("big decimal", new BigDecimal("12"));
    values.put("null", null);
    values.put("list", Arrays.asList(true, null, List.of()));
    values.put("empty", Map.of());
    assertThat(SortedJson.write(values))
        .isEqualTo(
            "{\"big decimal\":12,\"big double\":1.0E15,\"big integer\":1.2345678901234568E20,"
                + "\"byte\":-1,\"double\":2.5,\"empty\":{},\"float\":0.10000000149011612,"
                + "\"integral double\":3,\"list\":[true,null,[]],\"long\":9223372036854775807,"
                + "\"nan\":NaN,\"null\":null,\"short\":3}");
    assertThat(SortedJson.writeBytes(values)).isEqualTo(SortedJson.write(values).getBytes(UTF_8));
    assertThrows(IllegalArgumentException.class, () -> SortedJson.write(new Object()));
  }

  @Test
  void perfCountersBodyEscapesNamesAndKeepsFullPrecision() {
    try (PegasusHttpServer server = PegasusHttpServer.builder().role("replica").port(0).build()) {
      server.counters().number("replica", "app/ü", "q\"ps", "").set(12);
      server.counters().percentile("replica", "app/ü", "lat", "");
      server.start();
      server.counters().takeSnapshot();
      assertThat(get(server, "/perfCounters?prefix=replica*app").body())
          .isEqualTo(
              "[{\"name\":\"replica*app/ü*lat\",\"type\":\"PERCENTILE\",\"p99\":0.0,\"p999\":0.0},"
                  + "{\"name\":\"replica*app/ü*q\\\"ps\",\"type\":\"NUMBER\",\"value\":12.0}]\n");
    }
  }

  @Test
  void benchmarkWritersWriteTheSameBody() {
    JsonWriterBenchmark bench = new JsonWriterBenchmark();
    bench.tables();
    byte[] old = bench.handWritten();
    assertThat(bench.jacksonBytes()).isEqualTo(old);
    assertThat(bench.jacksonString()).isEqualTo(old);
    assertThat(old.length).isGreaterThan(300_000);
  }

  @Test
  void sortedKeysAreOrderedAsUtf8Bytes() {
    assertThat(SortedJson.write(ImmutableMap.of("\uFFFF", 1, "😀", 2, "z", 3)))
        .isEqualTo("{\"z\":3,\"\uFFFF\":1,\"😀\":2}");
  }
}
