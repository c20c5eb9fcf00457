package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Envelopes.envelope;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.TestResponse;
import org.junit.jupiter.api.Test;

/** How a host embeds the meta role, and what the provider does without its services. */
final class MetaLeadershipStartTest {

  @Test
  void startAdvertisesTheBoundAddressAsPrimary() {
    InMemoryMetaState state = new InMemoryMetaState(MetaFixtures.seedCluster());
    StaticMetaLeadership leadership = StaticMetaLeadership.self();
    try (PegasusHttpServer server =
        PegasusHttpServer.builder().port(0)
            .role("meta")
            .service(MetaState.class, state)
            .service(MetaLeadership.class, leadership)
            .build()
            .start()) {
      assertThat(server.role()).isEqualTo("meta");
      assertThat(leadership.primary()).hasValue("127.0.0.1:" + server.port());
      assertThat(HttpCalls.get(server, "/meta/cluster").body())
          .contains("\"primary_meta_server\":\"127.0.0.1:" + server.port() + "\"");
    }
  }

  @Test
  void startWithAnAdvertisedHost() {
    StaticMetaLeadership leadership = StaticMetaLeadership.self();
    try (PegasusHttpServer server =
        PegasusHttpServer.builder().port(0)
            .role("meta")
            .service(MetaState.class, new InMemoryMetaState())
            .service(MetaLeadership.class, leadership)
            .configure(c -> c.advertisedHost("meta-1.example"))
            .build()
            .start()) {
      assertThat(leadership.primary()).hasValue("meta-1.example:" + server.port());
    }
  }

  @Test
  void withoutMetaStateThereAreNoMetaEndpoints() {
    try (PegasusHttpServer server =
        PegasusHttpServer.builder().role("replica").port(0).build().start()) {
      assertThat(server.endpoints().stream().map(EndpointSpec::path).toList())
          .doesNotContain("/meta/app");
      TestResponse r = HttpCalls.get(server, "/meta/app?name=x");
      assertThat(r.body())
          .isEqualTo(envelope(404, "Not Found", "service not found for \"meta/app\"", "/meta/app"));
    }
  }

  @Test
  void metaStateWithoutLeadershipFailsTheBuild() {
    PegasusHttpServer.Builder builder =
        PegasusHttpServer.builder()
            .role("meta")
            .port(0)
            .service(MetaState.class, new InMemoryMetaState());
    IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
    assertThat(e).hasMessageThat().contains("no MetaLeadership");
  }

  @Test
  void registerAddsTheMetaEndpointsAndEnvsList() {
    try (PegasusHttpServer server =
        PegasusHttpServer.builder().port(0)
            .role("meta")
            .service(MetaState.class, new InMemoryMetaState())
            .service(MetaLeadership.class, StaticMetaLeadership.self("m:1"))
            .build()) {
      assertThat(
              server.endpoints().stream()
                  .map(EndpointSpec::path)
                  .filter(p -> p.startsWith("/meta") || p.startsWith("/envs"))
                  .toList())
          .containsExactly(
              "/envs/list",
              "/meta/app",
              "/meta/app/duplication",
              "/meta/app/query_bulk_load",
              "/meta/app/start_bulk_load",
              "/meta/app/start_compaction",
              "/meta/app/usage_scenario",
              "/meta/app_envs",
              "/meta/apps",
              "/meta/backup_policy",
              "/meta/cluster",
              "/meta/nodes",
              "/meta/scrape_targets")
          .inOrder();
    }
  }
}
