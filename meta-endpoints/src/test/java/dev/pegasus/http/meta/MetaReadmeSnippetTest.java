package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.testing.HttpCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The embedding snippet of the top-level README ("Embedding a role in your server"), run as it is
 * written except for the address: 127.0.0.1 and an ephemeral port instead of 0.0.0.0:34601, which
 * another process on a build machine may hold.
 */
final class MetaReadmeSnippetTest {

  private static final Path README = Path.of("..", "README.md");

  @Test
  void theReadmesEmbeddingSnippetBuildsStartsAndServes() {
    MetaState myMetaState = new InMemoryMetaState(MetaFixtures.seedCluster());
    String version;
    String cluster;
    // ---- the snippet, from the README ----
    try (PegasusHttpServer server = PegasusHttpServer.builder()
            .role("meta")
            .host("127.0.0.1").port(0)
            .service(MetaState.class, myMetaState)                       // what /meta/* reads
            .service(MetaLeadership.class, StaticMetaLeadership.self("meta1.example:34601"))  // the only meta
            .build()
            .start()) {
      server.counters().number("meta", "eon.meta", "alive_nodes", "alive replica servers").set(3);
      // ---- end of the snippet ----
      version = HttpCalls.get(server, "/version").body();
      cluster = HttpCalls.get(server, "/meta/cluster").body();
      assertThat(HttpCalls.get(server, "/perfCounter?name=meta*eon.meta*alive_nodes").body())
          .contains("\"value\":\"3");
    }
    assertThat(version).startsWith("{\"Version\":\"");
    assertThat(cluster).contains("\"primary_meta_server\":\"meta1.example:34601\"");
  }

  @Test
  void theReadmeShowsTheSameBuilderCalls() throws Exception {
    String readme = Files.readString(README);
    for (String line :
        new String[] {
          "try (PegasusHttpServer server = PegasusHttpServer.builder()\n        .role(\"meta\")\n"
              + "        .host(\"0.0.0.0\").port(34601)\n",
          "        .service(MetaState.class, myMetaState)                       // what /meta/* reads\n"
              + "        .service(MetaLeadership.class, StaticMetaLeadership.self(\"meta1.example:34601\"))"
              + "  // the only meta\n        .build()\n        .start()) {\n",
          "  server.counters().number(\"meta\", \"eon.meta\", \"alive_nodes\", \"alive replica servers\").set(3);\n"
        }) {
      assertThat(readme).contains(line);
    }
  }
}
