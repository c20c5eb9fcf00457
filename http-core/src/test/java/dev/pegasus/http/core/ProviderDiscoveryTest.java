package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.fixture.ClashingProvider;
import dev.pegasus.http.core.fixture.FailingProvider;
import dev.pegasus.http.core.fixture.GreetingProvider;
import dev.pegasus.http.core.fixture.RoleAwareProvider;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.testing.ProviderJars;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Endpoints arrive from plug-in jars through ServiceLoader, with zero configuration. */
final class ProviderDiscoveryTest {

  @TempDir Path dir;

  private static PegasusHttpServer serverWith(ClassLoader loader) {
    return PegasusHttpServer.builder().role("replica").port(0).providerClassLoader(loader).build();
  }

  @Test
  void aPluginJarAddsItsEndpointToTheHelpPageAndServesIt() {
    Path jar = ProviderJars.write(dir, "greeting.jar", GreetingProvider.class);
    try (PegasusHttpServer server = serverWith(ProviderJars.loaderWith(jar)).start()) {
      assertThat(get(server, "/").body()).contains("\"/greeting\":\"name=<who>. Says hello.\"");
      assertThat(get(server, "/greeting?name=pegasus").body()).isEqualTo("hello, pegasus\n");
    }
  }

  @Test
  void withoutTheJarTheEndpointIsGone() {
    try (PegasusHttpServer server = serverWith(getClass().getClassLoader()).start()) {
      assertThat(get(server, "/").body()).doesNotContain("/greeting");
      assertThat(get(server, "/greeting?name=x").status()).isEqualTo(404);
    }
  }

  @Test
  void twoProvidersClaimingOnePathFailWithBothNames() {
    Path jar = ProviderJars.write(dir, "both.jar", GreetingProvider.class, ClashingProvider.class);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> serverWith(ProviderJars.loaderWith(jar)));
    assertThat(e).hasMessageThat().contains("two endpoints claim /greeting");
    assertThat(e).hasMessageThat().contains(GreetingProvider.class.getName());
    assertThat(e).hasMessageThat().contains(ClashingProvider.class.getName());
  }

  @Test
  void aFailingProviderIsNamedInTheError() {
    Path jar = ProviderJars.write(dir, "failing.jar", FailingProvider.class);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> serverWith(ProviderJars.loaderWith(jar)));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo(
            "endpoint provider " + FailingProvider.class.getName()
                + " failed: needs a Forecast to go with the Almanac");
  }

  @Test
  void aProviderContributesOnlyWhenItsServiceIsOffered() {
    Path jar = ProviderJars.write(dir, "weather.jar", RoleAwareProvider.class);
    ClassLoader loader = ProviderJars.loaderWith(jar);
    try (PegasusHttpServer without = serverWith(loader)) {
      assertThat(without.endpoints().stream().map(EndpointSpec::path)).doesNotContain("/weather");
    }
    try (PegasusHttpServer with =
        PegasusHttpServer.builder()
            .port(0)
            .providerClassLoader(loader)
            .service(RoleAwareProvider.Forecast.class, () -> "sunny")
            .build()
            .start()) {
      assertThat(get(with, "/weather").body()).isEqualTo("sunny\n");
    }
  }

  @Test
  void disabledPathsVanishFromTheHelpPage() {
    Path jar = ProviderJars.write(dir, "greeting.jar", GreetingProvider.class);
    try (PegasusHttpServer server =
        PegasusHttpServer.builder()
            .port(0)
            .providerClassLoader(ProviderJars.loaderWith(jar))
            .configure(c -> c.disabledPaths(java.util.List.of("/greet*", "/perfCounters")))
            .build()
            .start()) {
      String help = get(server, "/").body();
      assertThat(help).doesNotContain("/greeting");
      assertThat(help).doesNotContain("/perfCounters");
      assertThat(help).contains("/perfCounter\"");
      assertThat(get(server, "/greeting?name=x").status()).isEqualTo(404);
    }
  }
}
