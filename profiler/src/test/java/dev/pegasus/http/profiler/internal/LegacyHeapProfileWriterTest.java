package dev.pegasus.http.profiler.internal;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks the heap and growth text against the regexes of both real clients. */
final class LegacyHeapProfileWriterTest {

  // google/pprof profile/legacy_profile.go (as vendored in Go 1.19).
  private static final Pattern GO_HEAP_HEADER =
      Pattern.compile("heap profile: *(\\d+): *(\\d+) *\\[ *(\\d+): *(\\d+) *\\] *@ *(heap[_a-z0-9]*)/?(\\d*)");
  private static final Pattern GO_GROWTH_HEADER =
      Pattern.compile("heap profile: *(\\d+): *(\\d+) *\\[ *(\\d+): *(\\d+) *\\] @ growthz?");
  private static final Pattern GO_SAMPLE =
      Pattern.compile("(-?\\d+): *(-?\\d+) *\\[ *(\\d+): *(\\d+) *] @([ x0-9a-f]*)");
  // gperftools pprof 2.0 (google-pprof), ReadThreadedHeapProfile and its header check.
  private static final Pattern PERL_HEADER =
      Pattern.compile("^heap profile:\\s*(\\d+):\\s+(\\d+)\\s+\\[\\s*(\\d+):\\s+(\\d+)\\](\\s*@\\s*([^/]*)(/(\\d+))?)?");
  private static final Pattern PERL_SAMPLE =
      Pattern.compile("^\\s*(\\d+):\\s+(\\d+)\\s+\\[\\s*(\\d+):\\s+(\\d+)\\]\\s+@\\s+(.*)$");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{16}");

  private final SymbolTable symbols = new SymbolTable(100);

  /** Go's FindStringSubmatch is unanchored; its address group must reach the end of the line. */
  private static Matcher goSample(String line) {
    Matcher m = GO_SAMPLE.matcher(line);
    return m.find() && m.end() == line.length() ? m : null;
  }

  @Test
  void heapHeaderMatchesBothClientsAndHasInUseThenAllocTotals() {
    List<String> lines = LegacyHeapProfileWriter.heap(ProfileFixtures.heap(), symbols).lines().toList();
    assertThat(lines.get(0)).isEqualTo("heap profile:     40:  2621440 [     8:  7000096] @ heapprofile");
    Matcher go = GO_HEAP_HEADER.matcher(lines.get(0));
    assertThat(go.matches()).isTrue();
    assertThat(go.group(5)).isEqualTo("heapprofile");
    Matcher perl = PERL_HEADER.matcher(lines.get(0));
    assertThat(perl.find()).isTrue();
    assertThat(perl.group(6)).isEqualTo("heapprofile");
  }

  @Test
  void heapLinesMatchBothClientsWithLowercaseHex() {
    List<String> lines = LegacyHeapProfileWriter.heap(ProfileFixtures.heap(), symbols).lines().toList();
    assertThat(lines).hasSize(4);
    for (String line : lines.subList(1, lines.size())) {
      assertWithMessage(line).that(goSample(line)).isNotNull();
      assertWithMessage(line).that(PERL_SAMPLE.matcher(line).matches()).isTrue();
      String stack = line.substring(line.indexOf('@') + 1).trim();
      for (String pc : stack.split(" ")) {
        assertWithMessage(line).that(ADDRESS.matcher(pc).matches()).isTrue();
      }
    }
  }

  @Test
  void heapLinesPutInUseFirstAndAllocationsInBrackets() {
    String text = LegacyHeapProfileWriter.heap(ProfileFixtures.heap(), symbols);
    long bytes = symbols.address("byte[]");
    long alpha = symbols.address(ProfileFixtures.ALPHA.function());
    long run = symbols.address(ProfileFixtures.RUN.function());
    assertThat(text)
        .contains(
            String.format(
                "     0:        0 [     7:  7000000] @ 0x%016x 0x%016x 0x%016x\n", bytes, alpha, run));
    assertThat(text).contains(String.format("    40:  2621440 [     0:        0] @ 0x%016x\n", bytes));
  }

  @Test
  void noPairHasZeroCountWithBytes() {
    String text = LegacyHeapProfileWriter.heap(ProfileFixtures.heap(), symbols);
    Pattern pair = Pattern.compile("(\\d+): +(\\d+)");
    for (String line : text.lines().toList()) {
      Matcher m = pair.matcher(line);
      while (m.find()) {
        boolean zeroCountWithBytes = m.group(1).equals("0") && !m.group(2).equals("0");
        assertWithMessage(line).that(zeroCountWithBytes).isFalse();
      }
    }
    assertThat(text).contains("     0:        0 [     1:       96] @");
  }

  @Test
  void stacksWithNothingAreLeftOut() {
    String text = LegacyHeapProfileWriter.heap(ProfileFixtures.heap(), symbols);
    assertThat(symbols.nameAt(symbols.address("nothing") - 1)).hasValue("nothing");
    assertThat(text).doesNotContain(String.format("0x%016x\n", symbols.address("nothing")));
  }

  @Test
  void growthHasEqualPairsAndTheGrowthMarker() {
    List<String> lines = LegacyHeapProfileWriter.growth(ProfileFixtures.growth(), symbols).lines().toList();
    assertThat(lines.get(0)).isEqualTo("heap profile:      6:     6144 [     6:     6144] @ growth");
    assertThat(GO_GROWTH_HEADER.matcher(lines.get(0)).lookingAt()).isTrue();
    Matcher perl = PERL_HEADER.matcher(lines.get(0));
    assertThat(perl.find()).isTrue();
    assertThat(perl.group(6)).isEqualTo("growth");
    for (String line : lines.subList(1, lines.size())) {
      Matcher m = goSample(line);
      assertWithMessage(line).that(m).isNotNull();
      assertThat(m.group(1)).isEqualTo(m.group(3));
      assertThat(m.group(2)).isEqualTo(m.group(4));
      assertWithMessage(line).that(PERL_SAMPLE.matcher(line).matches()).isTrue();
    }
  }
}
