package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing the bulk read {@code /perfCounters} in chunks of any size. */
final class CountersParserTest {

  private static final String BODY =
      "[{\"name\":\"replica*app.pegasus*get_latency@2.0\",\"type\":\"PERCENTILE\",\"p99\":1.00,\"p999\":2.00},"
          + "{\"name\":\"replica*app.pegasus*get_qps@2.0\",\"type\":\"RATE\",\"value\":10.40},"
          + "{\"value\":3,\"type\":\"NUMBER\",\"extra\":{\"a\":[1,{\"b\":2}]},\"name\":\"replica*app.pegasus*disk.storage.sst(MB)@2.0\"}]\n";

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 64, 100_000})
  void valuesAreReadAndPercentilesSkippedWhateverTheChunking(int chunkSize) throws IOException {
    CounterReadings r = parse(BODY, chunkSize);
    assertThat(r.size()).isEqualTo(2);
    assertThat(r.name(0)).isEqualTo("replica*app.pegasus*get_qps@2.0");
    assertThat(r.value(0)).isEqualTo(10.4);
    assertThat(r.name(1)).isEqualTo("replica*app.pegasus*disk.storage.sst(MB)@2.0");
    assertThat(r.value(1)).isEqualTo(3.0);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 100_000})
  void manyReadingsGrowTheBuffer(int chunkSize) throws IOException {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 1000; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"name\":\"c").append(i).append("\",\"type\":\"NUMBER\",\"value\":").append(i).append(".00}");
    }
    CounterReadings r = parse(body.append("]\n").toString(), chunkSize);
    assertThat(r.size()).isEqualTo(1000);
    assertThat(r.name(999)).isEqualTo("c999");
    assertThat(r.value(999)).isEqualTo(999.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[]\n", " [ ] "})
  void anEmptyListIsFine(String body) throws IOException {
    assertThat(parse(body, 1).size()).isEqualTo(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\":\"x\"}",
        "[1,2]",
        "[{\"name\":\"x\",\"value\":1}",
        "[{\"name\":\"x\",\"value\":1}][]",
        "<html>",
        "",
        "hello world"
      })
  void anythingButOneArrayOfObjectsIsAnError(String body) {
    for (int chunk : new int[] {1, 100}) {
      assertThrows(IOException.class, () -> parse(body, chunk));
    }
  }

  private static CounterReadings parse(String body, int chunkSize) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    CountersParser parser = new CountersParser();
    for (int from = 0; from < bytes.length; from += chunkSize) {
      parser.feed(ByteBuffer.wrap(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunkSize))));
    }
    return parser.finish();
  }
}
