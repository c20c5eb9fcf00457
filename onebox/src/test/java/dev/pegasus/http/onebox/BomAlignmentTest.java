package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM lists every published module at the reactor's version, so that users who import it get
 * a consistent set (the BOM has no parent, so nothing else keeps them equal).
 */
final class BomAlignmentTest {

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>(pegasus-[^<]+)</artifactId>");
  private static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");

  @Test
  void bomListsEveryModuleAtTheReactorVersion() throws Exception {
    Path root = Path.of("..").toRealPath();
    String parent = Files.readString(root.resolve("pom.xml"));
    String bom = Files.readString(root.resolve("bom/pom.xml"));
    String parentVersion = first(VERSION, parent);
    Set<String> published = new TreeSet<>();
    Matcher modules = MODULE.matcher(parent);
    while (modules.find()) {
      // examples/ are projects shaped as a user's, not published: they import the BOM, not in it.
      if (!modules.group(1).equals("bom") && !modules.group(1).startsWith("examples/")) {
        published.add(first(ARTIFACT, Files.readString(root.resolve(modules.group(1)).resolve("pom.xml"))));
      }
    }
    Set<String> inBom = new TreeSet<>();
    Matcher listed = ARTIFACT.matcher(bom);
    while (listed.find()) {
      inBom.add(listed.group(1));
    }
    inBom.remove("pegasus-http-bom");
    assertThat(inBom).containsExactlyElementsIn(published);
    Matcher versions = VERSION.matcher(bom);
    while (versions.find()) {
      if (!versions.group(1).matches("\\d+\\.\\d+\\.\\d+")) { // plugin versions are plain numbers
        assertThat(versions.group(1)).isEqualTo(parentVersion);
      }
    }
  }

  /** The first match after the parent block, i.e. the project's own element. */
  private static String first(Pattern p, String pom) {
    int afterParent = pom.indexOf("</parent>");
    Matcher m = p.matcher(pom);
    assertThat(m.find(Math.max(0, afterParent))).isTrue();
    return m.group(1);
  }
}
