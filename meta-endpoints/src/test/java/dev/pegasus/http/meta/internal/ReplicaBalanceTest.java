package dev.pegasus.http.meta.internal;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.pegasus.http.core.Decimals;
import dev.pegasus.http.meta.internal.ReplicaBalance.NodeLoad;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference §2.9: who is sampled, population versus sample deviation, and the rounding. */
final class ReplicaBalanceTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // name | nodes as alive:primaries:secondaries, space-separated | primary | total
        "balanced pair | A:6:6 A:6:6 | 0.00 | 0.00",
        "no node | '' | 0.00 | 0.00",
        "one node is no sample | A:4:8 | 0.00 | 0.00",
        "empty alive nodes are left out | A:4:8 A:0:0 | 0.00 | 0.00",
        "population deviation | A:1:1 A:3:3 | 1.00 | 2.00",
        "secondaries only count 0 primaries | A:0:2 A:2:0 | 1.00 | 0.00",
        "three nodes | A:1:0 A:2:0 A:4:0 | 1.25 | 1.25",
        "dead node with replicas switches to sample | A:1:1 A:3:3 D:0:1 | 1.00 | 2.83",
        "dead node with primaries switches both | A:1:1 A:3:3 D:1:0 | 1.41 | 2.83",
        "dead empty node changes nothing | A:1:1 A:3:3 D:0:0 | 1.00 | 2.00",
        "dead nodes are not sampled | A:2:2 A:2:2 D:9:9 | 0.00 | 0.00",
        "truncates after adding 0.005 | A:0:1 A:0:2 A:0:2 | 0.00 | 0.47",
      })
  void scores(String name, String nodes, String primary, String total) {
    List<NodeLoad> loads = new ArrayList<>();
    for (String n : nodes.trim().split(" ")) {
      if (n.isEmpty()) {
        continue;
      }
      String[] f = n.split(":");
      loads.add(new NodeLoad(f[0].equals("A"), Integer.parseInt(f[1]), Integer.parseInt(f[2])));
    }
    ReplicaBalance.Scores scores = ReplicaBalance.of(loads);
    assertWithMessage(name).that(Decimals.twoPlaces(scores.primaryStddev())).isEqualTo(primary);
    assertWithMessage(name).that(Decimals.twoPlaces(scores.totalStddev())).isEqualTo(total);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0.0,       0.00",
    "0.0049,    0.00",
    "0.005,     0.01",
    "0.4714045, 0.47",
    "0.125,     0.13", // half up, where the two-decimal print alone would give 0.12
    "1.4142136, 1.41",
    "1.995,     2.00",
    "2.8284271, 2.83",
    "12.3449,   12.34",
  })
  void roundsHalfUpToTwoDecimalsThenPrintsTwo(double s, String printed) {
    assertThat(Decimals.twoPlaces(ReplicaBalance.roundHalfUpTwoPlaces(s))).isEqualTo(printed);
  }
}
