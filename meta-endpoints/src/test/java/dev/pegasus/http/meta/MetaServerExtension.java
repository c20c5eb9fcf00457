package dev.pegasus.http.meta;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.testing.EndpointTesting.Response;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One primary meta server per test class (see {@link MetaTestServer}), whose state is reset to
 * the fixture before every test, so that a test that changes the cluster affects no other.
 */
final class MetaServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final Supplier<MetaSnapshot> fixture;
  private MetaTestServer meta;

  private MetaServerExtension(Supplier<MetaSnapshot> fixture) {
    this.fixture = fixture;
  }

  /** A primary meta serving {@code fixture}, restored before each test. */
  static MetaServerExtension primaryServing(Supplier<MetaSnapshot> fixture) {
    return new MetaServerExtension(fixture);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    meta = MetaTestServer.primary(fixture.get());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    meta.state.set(fixture.get());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    meta.close();
  }

  InMemoryMetaState state() {
    return meta.state;
  }

  PegasusHttpServer server() {
    return meta.server;
  }

  Response get(String pathAndQuery) {
    return meta.get(pathAndQuery);
  }
}
