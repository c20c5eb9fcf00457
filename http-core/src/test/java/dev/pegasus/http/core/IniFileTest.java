package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Initial flag values from a Pegasus-style INI file, and every mistake named by file, line and key. */
final class IniFileTest {

  @TempDir Path dir;

  private Path ini(String text) throws Exception {
    return Files.writeString(dir.resolve("server.ini"), text);
  }

  private String buildError(String text) throws Exception {
    Path file = ini(text);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PegasusHttpServer.builder().configFile(file).build());
    return e.getMessage();
  }

  @Test
  void valuesFromTheFileAreTheFlagsAtStart() throws Exception {
    Path file =
        ini("; a comment\n[pegasus.http]\ncounter_snapshot_period_ms = 2500\n\n# another\naccess_log = false\n");
    try (PegasusHttpServer server = PegasusHttpServer.builder().configFile(file).build().start()) {
      assertThat(get(server, "/config?name=counter_snapshot_period_ms").body()).contains("\"value\":\"2500\"");
      assertThat(get(server, "/config?name=access_log").body()).contains("\"value\":\"false\"");
    }
  }

  @Test
  void overridesComeAfterTheFile() throws Exception {
    Path file = ini("[pegasus.http]\ncounter_snapshot_period_ms = 2500\n");
    try (PegasusHttpServer server =
        PegasusHttpServer.builder()
            .configFile(file)
            .flagValue("pegasus.http", "counter_snapshot_period_ms", "0x1000")
            .build()
            .start()) {
      assertThat(get(server, "/config?name=counter_snapshot_period_ms").body()).contains("\"value\":\"4096\"");
    }
  }

  @Test
  void anUnknownKeyNamesFileLineAndKey() throws Exception {
    String message = buildError("[pegasus.http]\naccess_log = true\nno_such_key = 1\n");
    assertThat(message).isEqualTo(dir.resolve("server.ini") + ":3: [pegasus.http] no_such_key: unknown key \"no_such_key\"");
  }

  @Test
  void aKeyInTheWrongSection() throws Exception {
    assertThat(buildError("[replication]\naccess_log = true\n"))
        .endsWith(":2: [replication] access_log: key \"access_log\" belongs to section [pegasus.http], not [replication]");
  }

  @Test
  void aBadValueNamesFileLineAndKey() throws Exception {
    assertThat(buildError("[pegasus.http]\n\ncounter_snapshot_period_ms = soon\n"))
        .endsWith(":3: [pegasus.http] counter_snapshot_period_ms: \"soon\" is not a valid FV_UINT32 for counter_snapshot_period_ms");
  }

  @Test
  void aFailedValidatorNamesFileLineAndKey() throws Exception {
    assertThat(buildError("[pegasus.http]\ncounter_snapshot_period_ms = 5\n"))
        .endsWith(":2: [pegasus.http] counter_snapshot_period_ms: the value of counter_snapshot_period_ms fails its validator");
  }

  @Test
  void malformedLines() throws Exception {
    assertThat(buildError("counter_snapshot_period_ms = 5\n")).endsWith(":1: key \"counter_snapshot_period_ms\" comes before any [section]");
    assertThat(buildError("[pegasus.http]\njust words\n")).endsWith(":2: expected [section] or key = value, not \"just words\"");
    assertThat(buildError("[pegasus.http\n")).endsWith(":1: a section line is [name], not \"[pegasus.http\"");
    assertThat(buildError("[pegasus.http]\naccess_log = true\naccess_log = false\n"))
        .endsWith(":3: key \"access_log\" is given twice in [pegasus.http]");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("missing.ini");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PegasusHttpServer.builder().configFile(missing).build());
    assertThat(e).hasMessageThat().startsWith("cannot read the configuration file " + missing);
  }

  @Test
  void aSecretsBadValueIsNotEchoed() throws Exception {
    Flags flags = new Flags();
    flags.uint32("security", "secret_number", 1, "A secret").secret().define();
    Path file = ini("[security]\nsecret_number = hunter2\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PegasusHttpServer.builder().flags(flags).configFile(file).build());
    assertThat(e).hasMessageThat().doesNotContain("hunter2");
  }
}
