package com.example.tablesize;

import static com.google.common.truth.Truth.assertThat;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.testing.InProcess;
import org.junit.jupiter.api.Test;

/** The provider's size reader lives exactly as long as the server. */
final class ResourceLifecycleTest {

  // docs:begin lifecycle
  @Test
  void theReaderIsClosedWhenTheServerCloses() {
    FakeStorageEngine engine = new FakeStorageEngine();
    engine.put("temp", 1);
    try (PegasusHttpServer server = PegasusHttpServer.builder()
        .service(StorageEngine.class, engine).build().start()) {
      assertThat(engine.openReaders()).isEqualTo(1);
      assertThat(InProcess.call(server, "GET /example/table_size?name=temp").status())
          .isEqualTo(200);
    }
    assertThat(engine.openReaders()).isEqualTo(0);
  }
  // docs:end lifecycle

  @Test
  void aServerWithoutAnEngineHasNoEndpointAndOpensNothing() {
    try (PegasusHttpServer server = PegasusHttpServer.builder().build()) {
      assertThat(InProcess.call(server, "GET /example/table_size?name=temp").status())
          .isEqualTo(404);
    }
  }
}
