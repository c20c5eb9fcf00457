package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Our modules' descriptors on a real module path (the tests themselves run on the class path):
 * they resolve against their dependencies' names, export only API packages, and a server built in
 * that layer finds the providers through {@code provides}. The path is the onebox's
 * run-time dependencies, written by the build to target/module-path.txt, without ZooKeeper's jars
 * (split packages; meta-zookeeper has no descriptor).
 */
final class ModulePathTest {

  private static final Map<String, Set<String>> API = Map.of(
      "dev.pegasus.http.core", Set.of("dev.pegasus.http.core", "dev.pegasus.http.core.spi", "dev.pegasus.http.core.metrics"),
      "dev.pegasus.http.meta", Set.of("dev.pegasus.http.meta"),
      "dev.pegasus.http.replica", Set.of("dev.pegasus.http.replica", "dev.pegasus.http.replica.spi"),
      "dev.pegasus.http.collector", Set.of("dev.pegasus.http.collector"),
      "dev.pegasus.http.profiler", Set.of("dev.pegasus.http.profiler"));

  @Test
  void descriptorsResolveAndExportOnlyTheApi() throws Exception {
    Configuration configuration = resolve();
    Map<String, Set<String>> exported = new TreeMap<>();
    for (ResolvedModule module : configuration.modules()) {
      ModuleDescriptor descriptor = module.reference().descriptor();
      if (descriptor.name().startsWith("dev.pegasus.http")) {
        assertWithMessage(descriptor.name()).that(descriptor.isAutomatic()).isFalse();
        exported.put(descriptor.name(), descriptor.exports().stream()
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toCollection(TreeSet::new)));
      }
    }
    assertThat(exported).containsExactlyEntriesIn(API);
  }

  @Test
  void aServerBuiltInTheLayerFindsProvidersThroughTheirDescriptors() throws Exception {
    ModuleLayer layer = ModuleLayer.boot()
        .defineModulesWithOneLoader(resolve(), ClassLoader.getPlatformClassLoader());
    ClassLoader loader = layer.findLoader("dev.pegasus.http.core");
    Class<?> serverClass = loader.loadClass("dev.pegasus.http.core.PegasusHttpServer");
    Object builder = serverClass.getMethod("builder").invoke(null);
    Class<?> builderClass = builder.getClass();
    builderClass.getMethod("role", String.class).invoke(builder, "replica");
    builderClass.getMethod("port", int.class).invoke(builder, 0);
    builderClass.getMethod("providerClassLoader", ClassLoader.class).invoke(builder, loader);
    // Building runs the Dagger component and asks every provider ServiceLoader finds; starting
    // is not tried: see README.md, "On the module path" (Undertow's dependencies).
    Object server = builderClass.getMethod("build").invoke(builder);
    try {
      Set<String> paths = new TreeSet<>();
      for (Object spec : (Iterable<?>) serverClass.getMethod("endpoints").invoke(server)) {
        paths.add((String) spec.getClass().getMethod("path").invoke(spec));
      }
      assertThat(paths).containsAtLeast("/", "/version", "/perfCounter", "/pprof/profile");
      assertThat(serverClass.getModule().getName()).isEqualTo("dev.pegasus.http.core");
    } finally {
      ((AutoCloseable) server).close();
    }
  }

  private static Configuration resolve() throws Exception {
    Path file = Path.of("target/module-path.txt");
    assertWithMessage("%s, written by the build (mvn verify)", file).that(Files.exists(file)).isTrue();
    Path[] entries = Arrays.stream(Files.readString(file).trim().split(java.io.File.pathSeparator))
        .map(Path::of)
        .toArray(Path[]::new);
    return ModuleLayer.boot().configuration().resolveAndBind(
        ModuleFinder.of(entries), ModuleFinder.of(), API.keySet());
  }
}
