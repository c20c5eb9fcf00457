package dev.pegasus.http.core.internal.metrics;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a scrape gets gzip, and the label names of entity attributes. */
class ExpositionEncodingTest {

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "gzip | true",
        "gzip, deflate, br | true",
        "identity, GZIP;q=0.5 | true",
        "x-gzip | true",
        "* | true",
        "gzip;q=0, * | false",
        "gzip;q=0 | false",
        "gzip;q=abc | false",
        "deflate | false",
        "identity | false",
        "'' | false",
        "*;q=0 | false",
      })
  void acceptsGzip(String acceptEncoding, boolean expected) {
    assertThat(ExpositionEncoding.acceptsGzip(acceptEncoding)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      value = {
        "table_id | table_id",
        "partition_id | partition_id",
        "task-name | task_name",
        "disk.tag | disk_tag",
        "1st | _1st",
        "__name__ | _name__",
        "_ | ''",
        "'' | ''",
        "Zoné | Zon_",
      })
  void labelNames(String attribute, String label) {
    assertThat(PrometheusRegistrySnapshots.labelName(attribute)).isEqualTo(label);
  }
}
