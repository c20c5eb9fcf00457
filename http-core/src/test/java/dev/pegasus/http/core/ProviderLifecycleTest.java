package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.spi.Contribution;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What providers contribute to close is closed, in reverse order, on close and on a failed start. */
final class ProviderLifecycleTest {

  private final List<String> closed = new CopyOnWriteArrayList<>();

  private EndpointProvider owning(String name, String... resources) {
    return new EndpointProvider() {
      @Override
      public Contribution contribute(EndpointContext context) {
        Contribution.Builder b = Contribution.builder().endpoint(FilterChainTest.endpoint("/" + name));
        for (String r : resources) {
          b.closeOnStop(() -> closed.add(r));
        }
        return b.build();
      }
    };
  }

  @Test
  void resourcesCloseInReverseOrderOnClose() {
    PegasusHttpServer server =
        PegasusHttpServer.builder()
            .provider(owning("first", "a", "b"))
            .provider(owning("second", "c"))
            .build()
            .start();
    assertThat(get(server, "/first").status()).isEqualTo(200);
    assertThat(closed).isEmpty();
    server.close();
    assertThat(closed).containsExactly("c", "b", "a").inOrder();
    server.close(); // once only
    assertThat(closed).hasSize(3);
  }

  @Test
  void resourcesCloseWhenStartFails() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      PegasusHttpServer server =
          PegasusHttpServer.builder()
              .port(taken.getLocalPort())
              .provider(owning("first", "a", "b"))
              .build();
      RuntimeException e = assertThrows(RuntimeException.class, server::start);
      assertThat(e).hasMessageThat().contains("could not listen on 127.0.0.1:" + taken.getLocalPort());
      assertThat(closed).containsExactly("b", "a").inOrder();
    }
  }

  @Test
  void resourcesCloseWhenTheBuildFails() {
    PegasusHttpServer.Builder builder =
        PegasusHttpServer.builder()
            .provider(owning("same", "a"))
            .provider(owning("same", "b"));
    IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
    assertThat(e).hasMessageThat().contains("two endpoints claim /same");
    assertThat(closed).containsExactly("b", "a").inOrder();
  }

  @Test
  void startHooksSeeTheBoundPortAndAFailingOneStopsTheServer() {
    List<String> seen = new CopyOnWriteArrayList<>();
    EndpointProvider hooked =
        new EndpointProvider() {
          @Override
          public Contribution contribute(EndpointContext context) {
            return Contribution.builder()
                .onStart(started -> seen.add(started.advertisedAddress() + " " + started.scheme()))
                .closeOnStop(() -> closed.add("hooked"))
                .build();
          }
        };
    try (PegasusHttpServer server =
        PegasusHttpServer.builder().provider(hooked).configure(c -> c.advertisedHost("meta1.example")).build().start()) {
      assertThat(seen).containsExactly("meta1.example:" + server.port() + " http");
    }
    EndpointProvider failing =
        new EndpointProvider() {
          @Override
          public Contribution contribute(EndpointContext context) {
            return Contribution.builder()
                .closeOnStop(() -> closed.add("failing"))
                .onStart(started -> {
                  throw new java.io.IOException("ZooKeeper unreachable");
                })
                .build();
          }

          @Override
          public String name() {
            return "failing-provider";
          }
        };
    PegasusHttpServer server = PegasusHttpServer.builder().provider(failing).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, server::start);
    assertThat(e).hasMessageThat().isEqualTo("the start hook of failing-provider failed: ZooKeeper unreachable");
    assertThat(server.isRunning()).isFalse();
    assertThat(closed).containsExactly("hooked", "failing").inOrder();
  }

  @Test
  void aProviderSaysWhyItContributedNothing() {
    EndpointProvider idle = new EndpointProvider() {
      @Override
      public Contribution contribute(EndpointContext context) {
        return Contribution.none("no StorageEngine in this server");
      }
    };
    try (PegasusHttpServer server = PegasusHttpServer.builder().provider(idle).build().start()) {
      assertThat(server.endpoints().stream().map(EndpointSpec::path))
          .containsExactly(
              "/", "/config", "/configs", "/metrics", "/metrics/perf_counters", "/perfCounter", "/perfCounters", "/recentStartTime",
              "/updateConfig", "/version");
    }
  }

  @Test
  void aBuiltInIsReplacedOnlyOnPurpose() {
    HttpEndpoint myVersion =
        new HttpEndpoint() {
          final EndpointSpec spec = EndpointSpec.builder("/version").summary("The host's version.").build();

          @Override
          public EndpointSpec spec() {
            return spec;
          }

          @Override
          public HttpResponse handle(HttpRequest request) {
            return HttpResponse.text("mine\n");
          }
        };
    try (PegasusHttpServer server =
        PegasusHttpServer.builder().replaceEndpoint(myVersion).build().start()) {
      assertThat(get(server, "/version").body()).isEqualTo("mine\n");
    }
    IllegalStateException collision =
        assertThrows(
            IllegalStateException.class, () -> PegasusHttpServer.builder().endpoint(myVersion).build());
    assertThat(collision).hasMessageThat().contains("two endpoints claim /version");
    IllegalStateException nothing =
        assertThrows(
            IllegalStateException.class,
            () -> PegasusHttpServer.builder().replaceEndpoint(FilterChainTest.endpoint("/new")).build());
    assertThat(nothing).hasMessageThat().contains("no endpoint to replace on [/new]");
  }
}
