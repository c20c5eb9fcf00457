package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.fixture.BadSpecProvider;
import dev.pegasus.http.core.fixture.BadStaticSpecProvider;
import dev.pegasus.http.core.testing.ProviderJars;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build and start failures name their cause: the spec, the provider, the services file, the port. */
final class BuildErrorsTest {

  private static final String SERVICES_FILE =
      "META-INF/services/dev.pegasus.http.core.spi.EndpointProvider";

  @TempDir Path dir;

  private static IllegalStateException buildFails(ClassLoader loader) {
    return assertThrows(
        IllegalStateException.class,
        () -> PegasusHttpServer.builder().port(0).providerClassLoader(loader).build());
  }

  @Test
  void aFailingStaticSpecIsReportedWithItsOwnMessageFirstAndItsProvider() {
    ClassLoader loader =
        ProviderJars.loaderWith(ProviderJars.write(dir, "bad.jar", BadSpecProvider.class));
    // The first build meets ExceptionInInitializerError, every later one NoClassDefFoundError:
    // both name the same cause.
    for (int attempt = 0; attempt < 2; attempt++) {
      IllegalStateException e = buildFails(loader);
      assertThat(e)
          .hasMessageThat()
          .isEqualTo(
              "endpoint /bad needs a summary for the help page (in the static initialiser of "
                  + BadSpecProvider.BadSpecEndpoint.class.getName()
                  + "); while endpoint provider " + BadSpecProvider.class.getName()
                  + " built its endpoints");
      assertThat(e).hasCauseThat().isInstanceOf(LinkageError.class);
    }
  }

  @Test
  void aProviderWhoseOwnStaticSpecFailsIsNamedWithItsServicesFile() throws Exception {
    Path jar = ProviderJars.write(dir, "static.jar", BadStaticSpecProvider.class);
    IllegalStateException e = buildFails(ProviderJars.loaderWith(jar));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo(
            "not a normalised absolute path: \"bad path\" (in the static initialiser of "
                + BadStaticSpecProvider.class.getName() + "); while loading endpoint provider "
                + BadStaticSpecProvider.class.getName() + "; listed in jar:" + jar.toUri().toURL()
                + "!/" + SERVICES_FILE);
  }

  @Test
  void aMissingProviderClassIsNamedWithTheJarThatListsIt() throws Exception {
    Path jar = ProviderJars.writeListing(dir, "stale.jar", "com.example.RenamedProvider");
    IllegalStateException e = buildFails(ProviderJars.loaderWith(jar));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo(
            "cannot load endpoint provider com.example.RenamedProvider:"
                + " dev.pegasus.http.core.spi.EndpointProvider: Provider com.example.RenamedProvider"
                + " not found; listed in jar:" + jar.toUri().toURL() + "!/" + SERVICES_FILE);
  }

  @Test
  void aMissingProviderClassIsNamedWithTheDirectoryThatListsIt() throws Exception {
    Path classes = ProviderJars.writeListingDirectory(dir, "classes", "com.example.GoneProvider");
    IllegalStateException e = buildFails(ProviderJars.loaderWith(classes));
    assertThat(e).hasMessageThat().contains("Provider com.example.GoneProvider not found");
    assertThat(e)
        .hasMessageThat()
        .endsWith("; listed in " + classes.resolve(SERVICES_FILE).toUri().toURL());
  }

  @Test
  void aTakenPortIsNamedAsHostColonPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      PegasusHttpServer server =
          PegasusHttpServer.builder().host("127.0.0.1").port(port).configure(c -> c.accessLog(false)).build();
      UncheckedIOException e = assertThrows(UncheckedIOException.class, server::start);
      assertThat(e).hasMessageThat().startsWith("could not listen on 127.0.0.1:" + port + ": ");
      assertThat(e).hasCauseThat().isInstanceOf(BindException.class);
      assertThat(server.isRunning()).isFalse();
      server.close();
    }
  }
}
