package dev.pegasus.http.profiler;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.pegasus.http.profiler.PprofClient.onPath;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pegasus.http.profiler.PprofClient.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the real clients: {@code go tool pprof} (Debian golang-go) and the perl
 * {@code google-pprof} (Debian google-perftools) fetch profiles of this test JVM while a
 * workload runs. Each test is skipped, with the reason, only when its client is not installed;
 * {@code .ci/run} installs both.
 */
final class RealPprofClientsTest {

  private static PprofServers servers;
  private static Workload workload;

  @TempDir static Path home;

  @BeforeAll
  static void startServerAndWorkload() {
    servers =
        PprofServers.start(ProfilerConfig.builder().defaultHeapSeconds(2).defaultProfileSeconds(2).build());
    workload = Workload.start();
  }

  @AfterAll
  static void stop() {
    workload.close();
    servers.close();
  }

  @Test
  void goPprofRawNamesBothWorkloadMethods() {
    Result r = goPprof("-raw", "-seconds", "2", servers.url() + "/pprof/profile");
    r.assertSucceeded();
    r.assertContains("PeriodType: cpu nanoseconds");
    r.assertContains("dev.pegasus.http.profiler.Workload.burnAlpha");
    r.assertContains("dev.pegasus.http.profiler.Workload.burnBeta");
    // Lambda classes are normalised: no per-run number (JDK 17) or address (17: "+0x…", 25:
    // ".0x…") in the names.
    r.assertContains("dev.pegasus.http.profiler.Workload$$Lambda.run");
    assertWithMessage("output of %s", r)
        .that(r.output())
        .doesNotContainMatch("\\$\\$Lambda(\\$|[+/.]0x)");
  }

  @Test
  void goPprofHeapAllocSpaceNamesTheAllocatingMethod() {
    Result r =
        goPprof("-top", "-sample_index=alloc_space", servers.url() + "/pprof/heap?seconds=2");
    r.assertSucceeded();
    r.assertContains("Type: alloc_space");
    r.assertContains("dev.pegasus.http.profiler.Workload.allocateRetained");
  }

  @Test
  void goPprofHeapInUseNamesTheRetainedType() {
    Result r = goPprof("-top", servers.url() + "/pprof/heap?seconds=1");
    r.assertSucceeded();
    r.assertContains("Type: inuse_space");
    r.assertContains("byte[]");
  }

  @Test
  void goPprofGrowthHasANonZeroTotal() {
    Result r = goPprof("-top", servers.url() + "/pprof/growth");
    r.assertSucceeded();
    r.assertContains("Type: space");
    Matcher total = Pattern.compile("of ([0-9.]+)([kMGT]?B) total").matcher(r.output());
    assertWithMessage("no total in:\n%s", r).that(total.find()).isTrue();
    assertWithMessage("zero total in:\n%s", r).that(Double.parseDouble(total.group(1))).isGreaterThan(0.0);
  }

  @Test
  void goPprofReadsGrowthAsProto() {
    Result r = goPprof("-top", "-symbolize=none", servers.url() + "/pprof/growth?format=proto");
    r.assertSucceeded();
    r.assertContains("Type: space");
    r.assertContains("Workload.allocateRetained");
  }

  @Test
  void goPprofReadsProtoWithoutSymbolization() {
    Result r =
        goPprof(
            "-top", "-symbolize=none", servers.url() + "/pprof/profile?seconds=2&format=proto");
    r.assertSucceeded();
    r.assertContains("Duration:");
    r.assertContains("Workload.burn");
  }

  @Test
  void perlPprofPrintsTotalSamplesAndMethodNames() {
    Result r = perlPprof("--text", "--seconds=2", servers.url() + "/pprof/profile");
    r.assertSucceeded();
    Matcher total = Pattern.compile("Total: (\\d+) samples").matcher(r.output());
    assertWithMessage("no sample total in:\n%s", r).that(total.find()).isTrue();
    assertWithMessage("no samples in:\n%s", r).that(Long.parseLong(total.group(1))).isGreaterThan(0L);
    r.assertContains("Workload.burnAlpha");
    r.assertContains("Workload.burnBeta");
  }

  @Test
  void perlPprofReadsHeapAndGrowthWithTheServerDefaults() {
    Result heap = perlPprof("--text", "--alloc_space", servers.url() + "/pprof/heap");
    heap.assertSucceeded();
    heap.assertContains("Workload.allocateRetained");
    Result growth = perlPprof("--text", servers.url() + "/pprof/growth");
    growth.assertSucceeded();
    growth.assertContains("Total:");
  }

  private static Result goPprof(String... args) {
    assumeTrue(onPath("go"), "go tool pprof is not installed (apt-get install golang-go); skipped");
    List<String> command = new ArrayList<>(List.of("go", "tool", "pprof"));
    command.addAll(List.of(args));
    return run(command);
  }

  private static Result perlPprof(String... args) {
    assumeTrue(
        onPath("google-pprof"),
        "google-pprof is not installed (apt-get install google-perftools); skipped");
    List<String> command = new ArrayList<>(List.of("google-pprof"));
    command.addAll(List.of(args));
    return run(command);
  }

  private static Result run(List<String> command) {
    return PprofClient.run(home, command, Map.of(), Duration.ofSeconds(60));
  }
}
