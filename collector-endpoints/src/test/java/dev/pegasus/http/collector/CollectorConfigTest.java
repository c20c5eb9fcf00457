package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Defaults and validation of the collector's settings. */
final class CollectorConfigTest {

  @Test
  void defaultsFollowPegasus() {
    CollectorConfig c = CollectorConfig.builder().metaServers("127.0.0.1:34601, 127.0.0.1:34602,127.0.0.1:34603").build();
    assertThat(c.metaServers()).containsExactly("127.0.0.1:34601", "127.0.0.1:34602", "127.0.0.1:34603").inOrder();
    assertThat(c.interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.firstRoundDelay()).isEqualTo(Duration.ZERO);
    assertThat(c.maxConcurrentRequests()).isEqualTo(16);
    assertThat(c.scrapePrefix()).isEqualTo("replica*");
    assertThat(c.counterApp()).isEqualTo("collector");
  }

  @Test
  void badSettingsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> CollectorConfig.builder().build());
    assertThrows(IllegalArgumentException.class, () -> CollectorConfig.builder().metaServers("127.0.0.1"));
    assertThrows(IllegalArgumentException.class, () -> CollectorConfig.builder().metaServers("127.0.0.1:x"));
    assertThrows(IllegalArgumentException.class, () -> CollectorConfig.builder().metaServers("http://a:1"));
    assertThrows(IllegalArgumentException.class, () -> CollectorConfig.builder().interval(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> CollectorConfig.builder().maxConcurrentRequests(0));
    assertThrows(IllegalArgumentException.class, () -> CollectorConfig.builder().counterApp("a*b"));
    assertThrows(IllegalArgumentException.class, () -> CollectorConfig.builder().firstRoundDelay(Duration.ofSeconds(-1)));
  }
}
