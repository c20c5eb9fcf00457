package dev.pegasus.http.meta.internal;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.pegasus.http.meta.HostPort;
import dev.pegasus.http.meta.PartitionConfig;
import dev.pegasus.http.meta.internal.PartitionHealth.Counts;
import dev.pegasus.http.meta.internal.PartitionHealth.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference §2.6, case by case. */
final class PartitionHealthTest {

  private static final HostPort A = HostPort.parse("127.0.0.1:34801");
  private static final HostPort B = HostPort.parse("127.0.0.1:34802");
  private static final HostPort C = HostPort.parse("127.0.0.1:34803");
  private static final HostPort D = HostPort.parse("127.0.0.1:34804");

  @ParameterizedTest(name = "primary={0} secondaries={1} max={2} -> {3}")
  @CsvSource({
    // primary, secondaries, max, kind
    "true,  2, 3, FULLY_HEALTHY",
    "true,  3, 3, FULLY_HEALTHY",
    "true,  1, 2, FULLY_HEALTHY",
    "true,  0, 1, FULLY_HEALTHY",
    "true,  0, 0, FULLY_HEALTHY",
    "true,  1, 3, DEGRADED",
    "true,  2, 5, DEGRADED",
    "true,  0, 3, WRITE_UNHEALTHY",
    "true,  0, 2, WRITE_UNHEALTHY",
    "false, 2, 3, READ_UNHEALTHY",
    "false, 0, 3, READ_UNHEALTHY",
    "false, 3, 3, READ_UNHEALTHY",
    "false, 0, 0, READ_UNHEALTHY",
  })
  void classifiesOnePartition(boolean primary, int secondaries, int max, Kind expected) {
    PartitionConfig p = partition(0, primary, secondaries, max);
    assertThat(PartitionHealth.classify(p)).isEqualTo(expected);
  }

  /** The seed's {@code stat} table: 4 partitions at 2/3 replicas. */
  @Test
  void seedStatExampleIsUnhealthyButReadableAndWritable() {
    List<PartitionConfig> partitions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      partitions.add(partition(i, true, 1, 3));
    }
    Counts counts = PartitionHealth.of(4, partitions);
    assertThat(counts).isEqualTo(new Counts(4, 0, 0, 0));
    assertThat(counts.unhealthy()).isEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // name, partitions as primary/secondaries/max separated by ';', fully, unhealthy, write, read
    "all healthy,           T2-3;T2-3;T2-3,       3, 0, 0, 0",
    "one primary alone,     T2-3;T0-3;T2-3,       2, 1, 1, 0",
    "one without primary,   T2-3;F2-3;T2-3,       2, 1, 1, 1",
    "one degraded,          T1-3;T2-3,            1, 1, 0, 0",
    "every kind,            T2-3;T1-3;T0-3;F1-3,  1, 3, 2, 1",
    "nothing at all,        F0-3;F0-3,            0, 2, 2, 2",
  })
  void countsATable(String name, String spec, int fully, int unhealthy, int write, int read) {
    List<PartitionConfig> partitions = new ArrayList<>();
    for (String p : spec.split(";")) {
      partitions.add(
          partition(
              partitions.size(),
              p.charAt(0) == 'T',
              Character.digit(p.charAt(1), 10),
              Integer.parseInt(p.substring(3))));
    }
    Counts counts = PartitionHealth.of(partitions.size(), partitions);
    assertWithMessage(name).that(counts.fullyHealthy()).isEqualTo(fully);
    assertWithMessage(name).that(counts.unhealthy()).isEqualTo(unhealthy);
    assertWithMessage(name).that(counts.writeUnhealthy()).isEqualTo(write);
    assertWithMessage(name).that(counts.readUnhealthy()).isEqualTo(read);
    assertWithMessage("unhealthy >= write >= read")
        .that(
            counts.unhealthy() >= counts.writeUnhealthy()
                && counts.writeUnhealthy() >= counts.readUnhealthy())
        .isTrue();
  }

  private static PartitionConfig partition(int pidx, boolean primary, int secondaries, int max) {
    List<HostPort> nodes = List.of(B, C, D);
    return PartitionConfig.of(pidx, 1, primary ? A : null, nodes.subList(0, secondaries), max);
  }
}
