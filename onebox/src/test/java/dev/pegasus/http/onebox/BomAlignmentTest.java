package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM lists every published module at the reactor's version, and the third-party libraries it
 * manages at the parent's versions, so that users who import it get the set we build and test
 * (the BOM's installed pom is flattened, so nothing else keeps them equal).
 */
final class BomAlignmentTest {

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
  private static final String OURS = "dev.pegasus.http";

  private final Path root = Path.of("..").toAbsolutePath().normalize();

  @Test
  void bomListsEveryModuleAtTheReactorVersion() throws Exception {
    Document parent = read(root.resolve("pom.xml"));
    Map<String, String> properties = properties(parent);
    Set<String> published = new TreeSet<>();
    for (Element module : children(child(parent.getDocumentElement(), "modules"), "module")) {
      String folder = module.getTextContent().trim();
      // examples/ are projects shaped as a user's, not published: they import the BOM, not in it.
      if (!folder.equals("bom") && !folder.startsWith("examples/")) {
        published.add(text(read(root.resolve(folder).resolve("pom.xml")).getDocumentElement(), "artifactId"));
      }
    }
    Map<String, String> ours = new LinkedHashMap<>();
    managed(read(root.resolve("bom/pom.xml"))).forEach((key, version) -> {
      if (key.startsWith(OURS + ":")) {
        ours.put(key.substring(OURS.length() + 1), version);
      }
    });
    assertThat(ours.keySet()).containsExactlyElementsIn(published);
    for (Map.Entry<String, String> module : ours.entrySet()) {
      assertWithMessage(module.getKey())
          .that(resolve(module.getValue(), properties))
          .isEqualTo(properties.get("revision"));
    }
  }

  @Test
  void bomManagesThirdPartyLibrariesAtTheParentsVersions() throws Exception {
    Document parent = read(root.resolve("pom.xml"));
    Map<String, String> properties = properties(parent);
    Map<String, String> parentManaged = managed(parent);
    Map<String, String> thirdParty = new LinkedHashMap<>();
    managed(read(root.resolve("bom/pom.xml"))).forEach((key, version) -> {
      if (!key.startsWith(OURS + ":")) {
        thirdParty.put(key, version);
      }
    });
    // Guava's immutable collections are in the SPI's and the role models' signatures.
    assertThat(thirdParty).containsKey("com.google.guava:guava");
    for (Map.Entry<String, String> library : thirdParty.entrySet()) {
      assertWithMessage("%s is managed by the parent", library.getKey())
          .that(parentManaged)
          .containsKey(library.getKey());
      assertWithMessage(library.getKey())
          .that(resolve(library.getValue(), properties))
          .isEqualTo(resolve(parentManaged.get(library.getKey()), properties));
    }
  }

  @Test
  void theVersionIsWrittenOnce() throws Exception {
    Document parent = read(root.resolve("pom.xml"));
    assertThat(text(parent.getDocumentElement(), "version")).isEqualTo("${revision}");
    for (Element module : children(child(parent.getDocumentElement(), "modules"), "module")) {
      if (module.getTextContent().trim().startsWith("examples/")) {
        // A user's project: its own version, and ours as the BOM it imports, which must be this one.
        Element example = read(root.resolve(module.getTextContent().trim()).resolve("pom.xml")).getDocumentElement();
        assertWithMessage(module.getTextContent() + " imports another version of the BOM")
            .that(text(child(example, "properties"), "pegasus-http.version"))
            .isEqualTo(text(child(parent.getDocumentElement(), "properties"), "revision"));
        continue;
      }
      Element pom = read(root.resolve(module.getTextContent().trim()).resolve("pom.xml")).getDocumentElement();
      assertWithMessage(module.getTextContent())
          .that(text(child(pom, "parent"), "version"))
          .isEqualTo("${revision}");
      assertWithMessage(module.getTextContent()).that(child(pom, "version")).isNull();
    }
  }

  /** groupId:artifactId[:type] to the version as written, of a pom's own dependencyManagement. */
  private static Map<String, String> managed(Document pom) {
    Map<String, String> managed = new LinkedHashMap<>();
    Element management = child(pom.getDocumentElement(), "dependencyManagement");
    for (Element dependency : children(child(management, "dependencies"), "dependency")) {
      String type = text(dependency, "type");
      String key = text(dependency, "groupId") + ":" + text(dependency, "artifactId")
          + (type == null || type.equals("jar") ? "" : ":" + type);
      managed.put(key, text(dependency, "version"));
    }
    return managed;
  }

  private static Map<String, String> properties(Document pom) {
    Map<String, String> properties = new LinkedHashMap<>();
    Element block = child(pom.getDocumentElement(), "properties");
    for (Node n = block.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        properties.put(e.getTagName(), e.getTextContent().trim());
      }
    }
    properties.put("project.version", properties.get("revision"));
    return properties;
  }

  private static String resolve(String value, Map<String, String> properties) {
    String resolved = value;
    for (int i = 0; i < 10 && resolved.contains("${"); i++) {
      Matcher m = PROPERTY.matcher(resolved);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String replacement = properties.get(m.group(1));
        assertWithMessage("property %s", m.group(1)).that(replacement).isNotNull();
        m.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(out);
      resolved = out.toString();
    }
    return resolved;
  }

  private static Document read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static Iterable<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }
}
