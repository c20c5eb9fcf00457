package com.example.tablesize;

import static dev.pegasus.http.testing.ResponseSubject.assertThat;

import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestRequest;
import dev.pegasus.http.testing.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The endpoint and its filter through the test kit: {@code server.get(..)} over a real socket,
 * {@code server.call(..)} in process (the same routing, parameter rules, filters and errors).
 */
// docs:begin extension
final class TableSizeEndpointTest {

  static final FakeStorageEngine engine = new FakeStorageEngine();

  @RegisterExtension
  static final PegasusServerExtension server =
      PegasusServerExtension.perClass(b -> b.role("replica")
          .service(StorageEngine.class, engine))        // the provider comes from META-INF/services
          .beforeEachTest(engine::reset);
// docs:end extension

  // docs:begin happy
  @Test
  void sizeOfATable() {
    engine.put("temp", 4096);
    TestResponse r = server.get("/example/table_size?name=temp");     // over the socket
    assertThat(r).hasStatus(200);
    assertThat(r).hasJsonField("/bytes", "4096");
    assertThat(r).hasJsonField("/app_name", "temp");
  }

  @Test
  void sizeOfATableInProcess() {
    engine.put("temp", 4096);
    assertThat(server.call("GET /example/table_size?name=temp"))      // in process, no socket
        .hasJsonField("/bytes", "4096");
  }
  // docs:end happy

  // docs:begin errors
  @Test
  void unknownTableIs404() {
    assertThat(server.call("GET /example/table_size?name=x"))
        .isErrorEnvelope(404, "table not found: \"x\"", "/example/table_size");
  }

  @Test
  void missingNameIs400() {
    assertThat(server.call("GET /example/table_size"))
        .isErrorEnvelope(400, "missing required parameter \"name\"");
  }

  @Test
  void emptyNameIs400() {
    assertThat(server.call("GET /example/table_size?name="))
        .isErrorEnvelope(400, "missing required parameter \"name\"");
  }

  @Test
  void unknownParameterIs400() {
    assertThat(server.call("GET /example/table_size?name=temp&detail"))
        .isErrorEnvelope(400, "unknown parameter \"detail\" for /example/table_size; accepted: name");
  }

  @Test
  void postIs405WithAllow() {
    TestResponse r = server.post("/example/table_size?name=temp", "");
    assertThat(r).hasStatus(405);
    assertThat(r).hasHeader("Allow", "GET, HEAD");
  }

  @Test
  void unknownPathIs404() {
    assertThat(server.get("/example/table_sizes?name=temp")).hasStatus(404);
  }
  // docs:end errors

  // docs:begin filter
  @Test
  void theFilterEchoesTheRequestId() {
    engine.put("temp", 1);
    TestRequest request = TestRequest.get("/example/table_size?name=temp")
        .header("X-Request-Id", "abc-123");
    assertThat(server.send(request)).hasHeader("X-Request-Id", "abc-123");
    assertThat(server.call(request)).hasHeader("X-Request-Id", "abc-123");
  }

  @Test
  void theFilterMakesUpAnIdAndTagsErrorsToo() {
    assertThat(server.get("/example/table_size?name=x")).header("X-Request-Id").isNotEmpty();
  }

  @Test
  void theFilterStaysOnItsPaths() {
    assertThat(server.get("/version")).hasNoHeader("X-Request-Id");
  }
  // docs:end filter
}
