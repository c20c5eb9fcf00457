package dev.pegasus.http.meta.internal;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference §2.9: how {@code zookeeper_hosts} and {@code zookeeper_root} are printed. */
final class ClusterEndpointTextTest {

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "127.0.0.1:22181 | 127.0.0.1:22181",
        "'  zk1:2181, zk2:2181 ,\tzk3:2181 ' | zk1:2181,zk2:2181,zk3:2181",
        "'' | ''",
      })
  void zookeeperHostsLoseEveryWhitespace(String configured, String printed) {
    assertThat(ClusterEndpoint.withoutWhitespace(configured)).isEqualTo(printed);
  }

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "/pegasus/onebox/127.0.0.1 | /pegasus/onebox/127.0.0.1",
        "pegasus//onebox/ | /pegasus/onebox",
        "'' | /",
        "/ | /",
        "/// | /",
      })
  void zookeeperRootIsNormalised(String configured, String printed) {
    assertThat(ClusterEndpoint.normalisedRoot(configured)).isEqualTo(printed);
  }
}
