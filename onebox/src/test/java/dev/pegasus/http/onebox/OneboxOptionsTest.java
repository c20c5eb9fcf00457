package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line: defaults of the original API page, flags, and one-line errors. */
final class OneboxOptionsTest {

  @Test
  void defaultsMatchTheApiPage() {
    OneboxOptions o = OneboxOptions.parse();
    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(o.zooKeeperPort()).isEqualTo(22181);
    assertThat(o.zooKeeperRoot()).isEqualTo("/pegasus/onebox/127.0.0.1");
    assertThat(o.metaPorts()).containsExactly(34601, 34602, 34603).inOrder();
    assertThat(o.replicaPorts()).containsExactly(34801, 34802, 34803).inOrder();
    assertThat(o.collectorPort()).isEqualTo(34101);
    assertThat(o.tables()).containsExactly("stat", 4, "temp", 8).inOrder();
    assertThat(o.replicationFactor()).isEqualTo(3);
    assertThat(o.collectorInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.externalZooKeeper()).isEmpty();
    assertThat(o.interactive()).isTrue();
  }

  @Test
  void flagsChangeTheShape() {
    OneboxOptions o =
        OneboxOptions.parse(
            "--meta-ports", "35601,35602", "--replica-ports", "35801", "--replica-servers", "5",
            "--tables", "a:2,b:16", "--replication", "2", "--zookeeper", "10.0.0.1:2181",
            "--collector-interval", "3", "--access-log", "--no-console");
    assertThat(o.metaPorts()).containsExactly(35601, 35602).inOrder();
    assertThat(o.replicaPorts()).containsExactly(35801, 35802, 35803, 35804, 35805).inOrder();
    assertThat(o.tables()).containsExactly("a", 2, "b", 16).inOrder();
    assertThat(o.replicationFactor()).isEqualTo(2);
    assertThat(o.externalZooKeeper()).hasValue("10.0.0.1:2181");
    assertThat(o.collectorInterval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(o.accessLog()).isTrue();
    assertThat(o.interactive()).isFalse();
  }

  @Test
  void ephemeralZeroesEveryPort() {
    OneboxOptions o = OneboxOptions.parse("--ephemeral");
    assertThat(o.metaPorts()).containsExactly(0, 0, 0);
    assertThat(o.replicaPorts()).containsExactly(0, 0, 0);
    assertThat(o.collectorPort()).isEqualTo(0);
    assertThat(o.zooKeeperPort()).isEqualTo(0);
  }

  @Test
  void mistakesAreExplainedInOneLine() {
    assertMessage("unknown option --bogus (see --help)", "--bogus", "1");
    assertMessage("--meta-ports needs a value (see --help)", "--meta-ports");
    assertMessage("--meta-ports: 70000 is not a port", "--meta-ports", "70000");
    assertMessage("--tables: \"stat\" is not name:partitions", "--tables", "stat");
    assertMessage("--replication 4 needs at least that many replica servers (there are 3)", "--replication", "4");
    assertMessage("--zk-port: \"x\" is not a number", "--zk-port", "x");
    assertMessage("unexpected argument \"oops\" (see --help)", "oops");
    assertMessage("an admin token needs at least 16 non-blank characters", "--admin-token", "short");
    assertMessage(
        "an admin token needs at least 16 non-blank characters", "--admin-token", "a" + " ".repeat(20) + "b");
  }

  @Test
  void theTokenCanComeFromAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file =
        java.nio.file.Files.writeString(dir.resolve("token"), "from-a-file-0123456789\n");
    assertThat(OneboxOptions.parse("--admin-token-file", file.toString()).adminToken())
        .hasValue("from-a-file-0123456789");
    assertMessage(
        "give --admin-token or --admin-token-file, not both",
        "--admin-token", "x".repeat(20), "--admin-token-file", file.toString());
  }

  @Test
  void aConfigFileIsCheckedWhenTheOptionsAreRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path good =
        java.nio.file.Files.writeString(dir.resolve("good.ini"), "[pegasus.collector]\napp_stat_interval_seconds = 5\n");
    assertThat(OneboxOptions.parse("--config", good.toString()).configFile()).hasValue(good);
    java.nio.file.Path stray = java.nio.file.Files.writeString(dir.resolve("stray.ini"), "[nfs]\nx = 1\n");
    assertMessage(
        stray + ":2: [nfs] x: no onebox server has a section [nfs] (known: pegasus.http, metrics,"
            + " replication, pegasus.collector, pegasus.profiler, pegasus.onebox)",
        "--config", stray.toString());
  }

  @Test
  void theBulkLoadRootDefaultsToTheTempDirectory() {
    assertThat(OneboxOptions.parse().bulkLoadRoot())
        .isEqualTo(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "pegasus-onebox-bulk-load"));
    assertThat(OneboxOptions.parse("--bulk-load-root", "/data/bulk", "--ephemeral").bulkLoadRoot())
        .isEqualTo(java.nio.file.Path.of("/data/bulk"));
    assertThat(OneboxOptions.USAGE).contains("--bulk-load-root <dir>");
  }

  @Test
  void helpIsRecognised() {
    assertThat(OneboxOptions.wantsHelp("--help")).isTrue();
    assertThat(OneboxOptions.wantsHelp("--ephemeral")).isFalse();
    assertThat(OneboxOptions.USAGE).contains("--zookeeper <host:port>");
  }

  private static void assertMessage(String message, String... args) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OneboxOptions.parse(args));
    assertThat(e).hasMessageThat().isEqualTo(message);
  }
}
