package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reference §1.7: addresses order as IPv4 numbers, then port, not as strings. */
final class HostPortTest {

  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource({
    "10.0.0.9:1,        10.0.0.10:1",
    "10.0.0.10:1,       10.0.0.10:2",
    "10.0.0.10:9,       10.0.0.10:10",
    "9.255.255.255:65535, 10.0.0.0:0",
    "127.0.0.1:34801,   127.0.0.1:34802",
    "127.0.0.1:34803,   127.0.0.2:1",
    "128.0.0.1:1,       200.0.0.1:1",
    "255.255.255.255:1, a-host:1",
    "a-host:2,          b-host:1",
    "b-host:1,          b-host:2",
  })
  void ordersByIpv4NumberThenPort(String lower, String higher) {
    HostPort a = HostPort.parse(lower);
    HostPort b = HostPort.parse(higher);
    assertThat(a).isLessThan(b);
    assertThat(b).isGreaterThan(a);
  }

  @Test
  void sortsNumericallyNotAsStrings() {
    List<HostPort> nodes = new ArrayList<>();
    for (String s :
        List.of("10.0.0.10:1", "10.0.0.9:2", "10.0.0.9:1", "10.0.0.100:1", "2.0.0.1:5")) {
      nodes.add(HostPort.parse(s));
    }
    Collections.sort(nodes);
    assertThat(nodes.stream().map(HostPort::toString).toList())
        .containsExactly("2.0.0.1:5", "10.0.0.9:1", "10.0.0.9:2", "10.0.0.10:1", "10.0.0.100:1")
        .inOrder();
  }

  @Test
  void printsAndComparesAsHostColonPort() {
    HostPort a = HostPort.parse("127.0.0.1:34801");
    assertThat(a.toString()).isEqualTo("127.0.0.1:34801");
    assertThat(a).isEqualTo(HostPort.of("127.0.0.1", 34801));
    assertThat(a.hashCode()).isEqualTo(HostPort.of("127.0.0.1", 34801).hashCode());
    assertThat(a.host()).isEqualTo("127.0.0.1");
    assertThat(a.port()).isEqualTo(34801);
    assertThat(a.isIpv4()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.", "01234.1.1.1", "1..2.3", "meta-1"})
  void hostsThatAreNotIpv4LiteralsAreNames(String host) {
    assertThat(HostPort.of(host, 1).isIpv4()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "127.0.0.1", "127.0.0.1:", ":34801", "127.0.0.1:x", "127.0.0.1:70000"})
  void rejectsWhatIsNotHostColonPort(String text) {
    assertThrows(IllegalArgumentException.class, () -> HostPort.parse(text));
  }
}
