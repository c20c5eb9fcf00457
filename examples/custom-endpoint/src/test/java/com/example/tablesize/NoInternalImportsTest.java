package com.example.tablesize;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example uses pegasus-http's published API only: nothing from an {@code .internal.} package. */
final class NoInternalImportsTest {

  private static final Pattern INTERNAL =
      Pattern.compile("^\\s*import\\s+(static\\s+)?dev\\.pegasus\\.http\\.[\\w.]*\\.internal\\.", Pattern.MULTILINE);

  @Test
  void noSourceImportsAnInternalPackage() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
    }
    assertThat(sources).isNotEmpty();
    for (Path source : sources) {
      String text = Files.readString(source);
      assertWithMessage(source.toString()).that(INTERNAL.matcher(text).find()).isFalse();
      assertWithMessage(source.toString()).that(text).doesNotContain("http.core." + "internal");
    }
  }
}
