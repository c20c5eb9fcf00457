package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.testing.HttpCalls;
import org.junit.jupiter.api.Test;

/**
 * The embedding snippet of the top-level README ("Embedding a role in your server"), run as it is
 * written except for the address: 127.0.0.1 and an ephemeral port instead of 0.0.0.0:34601, which
 * another process on a build machine may hold. The README quotes the region below
 * ({@code DocSnippetsTest} in examples/custom-endpoint holds the two equal).
 */
final class MetaReadmeSnippetTest {

  @Test
  void theReadmesEmbeddingSnippetBuildsStartsAndServes() {
    MetaState myMetaState = new InMemoryMetaState(MetaFixtures.seedCluster());
    String version;
    String cluster;
    // docs:begin embedding
    try (PegasusHttpServer server = PegasusHttpServer.builder()
            .role("meta")
            .host("127.0.0.1").port(0)  // docs:shows .host("0.0.0.0").port(34601)
            .service(MetaState.class, myMetaState)                       // what /meta/* reads
            .service(MetaLeadership.class, StaticMetaLeadership.self("meta1.example:34601"))  // the only meta
            .build()
            .start()) {
      server.counters().number("meta", "eon.meta", "alive_nodes", "alive replica servers").set(3);
      // docs:shows ...
      // docs:hide-begin
      version = HttpCalls.get(server, "/version").body();
      cluster = HttpCalls.get(server, "/meta/cluster").body();
      assertThat(HttpCalls.get(server, "/perfCounter?name=meta*eon.meta*alive_nodes").body())
          .contains("\"value\":\"3");
      // docs:hide-end
    }
    // docs:end embedding
    assertThat(version).startsWith("{\"Version\":\"");
    assertThat(cluster).contains("\"primary_meta_server\":\"meta1.example:34601\"");
  }
}
