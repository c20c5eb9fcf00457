package dev.pegasus.http.examples;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Not part of the example: pegasus-http's own check that its documents' Java code is compiled
 * code. Every {@code ```java} block of the documents below must follow a line
 * {@code <!-- snippet: path/from/the/repository/Source.java#name -->} and equal the region of that
 * source between {@code // docs:begin name} and {@code // docs:end name}, where
 *
 * <ul>
 *   <li>the region is shifted left by its smallest indentation;
 *   <li>lines between {@code // docs:hide-begin} and {@code // docs:hide-end}, and the marker lines
 *       of other regions, are left out;
 *   <li>a line ending in {@code // docs:shows TEXT} is shown as TEXT, at the line's indentation
 *       (for what the test must do differently, such as its port).
 * </ul>
 *
 * The sources are compiled (and their tests run) by their own modules; this test compares text
 * only, so it may quote any module of the repository. A block without a marker fails it.
 */
final class DocSnippetsTest {

  private static final Path ROOT = Path.of("..", "..");
  private static final List<String> DOCUMENTS = List.of("README.md", "docs/testing.md");

  private static final Pattern MARKER = Pattern.compile("^<!-- snippet: (\\S+)#(\\S+) -->$");
  private static final Pattern SHOWS = Pattern.compile("^(\\s*)(.*?)\\s*// docs:shows (.*)$");
  private static final Pattern DIRECTIVE = Pattern.compile("^\\s*// docs:(begin|end|hide-begin|hide-end)\\b.*$");

  @Test
  void everyJavaBlockIsACompiledRegion() throws IOException {
    int checked = 0;
    for (String document : DOCUMENTS) {
      List<String> lines = Files.readAllLines(ROOT.resolve(document));
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).equals("```java")) {
          continue;
        }
        String where = document + ":" + (i + 1);
        Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : MARKER.matcher("");
        assertWithMessage(where + ": a ```java block needs a <!-- snippet: path#name --> line above it")
            .that(marker.matches())
            .isTrue();
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).equals("```")) {
          end++;
        }
        String block = String.join("\n", lines.subList(i + 1, end));
        String region = region(marker.group(1), marker.group(2));
        assertWithMessage(where + " quotes " + marker.group(1) + "#" + marker.group(2))
            .that(block)
            .isEqualTo(region);
        checked++;
      }
    }
    assertWithMessage("java blocks checked").that(checked).isAtLeast(4);
  }

  @Test
  void theRegionRulesHold() {
    List<String> source = List.of(
        "class X {",
        "    // docs:begin r",
        "    void m() {",
        "      int port = 0;  // docs:shows int port = 34601;",
        "      // docs:shows ...",
        "      // docs:hide-begin",
        "      check(port);",
        "      // docs:hide-end",
        "    }",
        "    // docs:end r",
        "}");
    assertWithMessage("region")
        .that(region(source, "r", "x"))
        .isEqualTo("void m() {\n  int port = 34601;\n  ...\n}");
  }

  private static String region(String path, String name) {
    try {
      return region(Files.readAllLines(ROOT.resolve(path)), name, path);
    } catch (IOException e) {
      throw new UncheckedIOException(path + " (quoted by a snippet marker)", e);
    }
  }

  static String region(List<String> source, String name, String where) {
    int begin = source.indexOf(indentOf(source, "// docs:begin " + name));
    int end = source.indexOf(indentOf(source, "// docs:end " + name));
    if (begin < 0 || end < begin) {
      throw new AssertionError(where + " has no region \"" + name + "\" (// docs:begin/end " + name + ")");
    }
    List<String> shown = new ArrayList<>();
    boolean hidden = false;
    for (String line : source.subList(begin + 1, end)) {
      if (line.strip().equals("// docs:hide-begin")) {
        hidden = true;
      } else if (line.strip().equals("// docs:hide-end")) {
        hidden = false;
      } else if (!hidden && !DIRECTIVE.matcher(line).matches()) {
        Matcher shows = SHOWS.matcher(line);
        shown.add(shows.matches() ? shows.group(1) + shows.group(3) : line.stripTrailing());
      }
    }
    int indent = shown.stream()
        .filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length())
        .min()
        .orElse(0);
    List<String> out = new ArrayList<>();
    for (String line : shown) {
      out.add(line.isBlank() ? "" : line.substring(indent));
    }
    return String.join("\n", out);
  }

  /** The line of {@code source} that is {@code marker} with any indentation, or the marker. */
  private static String indentOf(List<String> source, String marker) {
    return source.stream().filter(l -> l.strip().equals(marker)).findFirst().orElse(marker);
  }
}
