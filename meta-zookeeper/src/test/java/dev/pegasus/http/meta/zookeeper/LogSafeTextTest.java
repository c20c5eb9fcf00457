package dev.pegasus.http.meta.zookeeper;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** Outside text in a log line: quoted, escaped, bounded. */
final class LogSafeTextTest {

  @Test
  void controlCharactersAndQuotesAreEscaped() {
    assertThat(LogSafeText.quote("a\r\nb\t\"c\\\u0000é", 80))
        .isEqualTo("\"a\\r\\nb\\t\\\"c\\\\\\u0000\\u00e9\"");
  }

  @Test
  void longTextIsCut() {
    assertThat(LogSafeText.quote("abcdef", 3)).isEqualTo("\"abc\"...(6 chars)");
  }
}
