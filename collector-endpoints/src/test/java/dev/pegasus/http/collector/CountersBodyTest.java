package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Streaming the bulk read {@code /perfCounters}. */
final class CountersBodyTest {

  @Test
  void valuesAreReadAndPercentilesSkipped() throws IOException {
    CounterReadings r =
        parse(
            "[{\"name\":\"replica*app.pegasus*get_latency@2.0\",\"type\":\"PERCENTILE\",\"p99\":1.00,\"p999\":2.00},"
                + "{\"name\":\"replica*app.pegasus*get_qps@2.0\",\"type\":\"RATE\",\"value\":10.40},"
                + "{\"value\":3,\"type\":\"NUMBER\",\"name\":\"replica*app.pegasus*disk.storage.sst(MB)@2.0\",\"extra\":{\"a\":[1]}}]\n");
    assertThat(r.size()).isEqualTo(2);
    assertThat(r.name(0)).isEqualTo("replica*app.pegasus*get_qps@2.0");
    assertThat(r.value(0)).isEqualTo(10.4);
    assertThat(r.name(1)).isEqualTo("replica*app.pegasus*disk.storage.sst(MB)@2.0");
    assertThat(r.value(1)).isEqualTo(3.0);
  }

  @Test
  void anEmptyListIsFine() throws IOException {
    assertThat(parse("[]\n").size()).isEqualTo(0);
  }

  @Test
  void manyReadingsGrowTheBuffer() throws IOException {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 1000; i++) {
      body.append(i == 0 ? "" : ",").append("{\"name\":\"c").append(i).append("\",\"type\":\"NUMBER\",\"value\":").append(i).append('}');
    }
    CounterReadings r = parse(body.append(']').toString());
    assertThat(r.size()).isEqualTo(1000);
    assertThat(r.value(999)).isEqualTo(999.0);
  }

  @Test
  void anythingButAnArrayOfObjectsIsAnError() {
    assertThrows(IOException.class, () -> parse("{\"name\":\"x\"}"));
    assertThrows(IOException.class, () -> parse("[1,2]"));
    assertThrows(IOException.class, () -> parse("[{\"name\":\"x\",\"value\":1}"));
    assertThrows(IOException.class, () -> parse("<html>"));
  }

  private static CounterReadings parse(String body) throws IOException {
    return CountersBody.parse(body.getBytes(StandardCharsets.UTF_8));
  }
}
