package dev.pegasus.http.core.testing;

import dev.pegasus.http.core.spi.EndpointProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a real plug-in jar at test time: the provider classes plus a {@code META-INF/services}
 * entry naming them, exactly what an endpoint author ships. Loading it through a child class
 * loader adds its endpoints to a server with zero configuration; not loading it leaves them out.
 */
public final class ProviderJars {

  private static final String SERVICE_FILE =
      "META-INF/services/" + EndpointProvider.class.getName();

  private ProviderJars() {}

  /** Writes the jar into {@code dir} and returns it. */
  @SafeVarargs
  public static Path write(Path dir, String name, Class<? extends EndpointProvider>... providers) {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(SERVICE_FILE));
      out.write(
          Stream.of(providers).map(Class::getName).collect(Collectors.joining("\n", "", "\n"))
              .getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      for (Class<?> provider : providers) {
        String entry = provider.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(entry));
        try (InputStream in = provider.getClassLoader().getResourceAsStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  /**
   * Writes a jar whose services file lists these class names and holds no classes, as a jar
   * built against a provider that was renamed or removed would.
   */
  public static Path writeListing(Path dir, String name, String... providerClassNames) {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(SERVICE_FILE));
      out.write(listing(providerClassNames));
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  /**
   * Writes a class directory ({@code dir/name/META-INF/services/...}) listing these class names,
   * as a module's {@code target/classes} would; returns the directory.
   */
  public static Path writeListingDirectory(Path dir, String name, String... providerClassNames) {
    Path classes = dir.resolve(name);
    try {
      Path file = classes.resolve(SERVICE_FILE);
      Files.createDirectories(file.getParent());
      Files.write(file, listing(providerClassNames));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return classes;
  }

  private static byte[] listing(String... classNames) {
    return Stream.of(classNames).collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes a jar holding these classes under this manifest (no services file), as a host's own
   * jar would be: {@code manifest} maps attribute names to values, e.g. {@code
   * Implementation-Version}.
   */
  public static Path writeWithManifest(
      Path dir, String name, java.util.Map<String, String> manifest, Class<?>... classes) {
    Path jar = dir.resolve(name);
    java.util.jar.Manifest m = new java.util.jar.Manifest();
    m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, m)) {
      for (Class<?> type : classes) {
        String entry = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(entry));
        try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  /** A class loader that sees the jar in addition to the test's class path. */
  public static ClassLoader loaderWith(Path... jars) {
    URL[] urls =
        Stream.of(jars)
            .map(
                j -> {
                  try {
                    return j.toUri().toURL();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .toArray(URL[]::new);
    return new URLClassLoader(urls, ProviderJars.class.getClassLoader());
  }
}
