package dev.pegasus.http.testing;

import static com.google.common.base.Preconditions.checkState;

import dev.pegasus.http.core.PegasusHttpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that runs one {@link PegasusHttpServer} on 127.0.0.1 and an ephemeral port,
 * started before the test class (or each test) and closed after it, with calls to it over the
 * socket and in process.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PegasusServerExtension server =
 *     PegasusServerExtension.perClass(b -> b.role("meta")
 *         .service(MetaState.class, state)
 *         .service(MetaLeadership.class, StaticMetaLeadership.self("127.0.0.1:34601"))
 *         .endpoint(new MyEndpoint())
 *         .filter("timing", new TimingFilter(), "/meta/*"));
 *
 * @Test
 * void unknownTableIs404() {
 *   assertThat(server.get("/meta/app?name=x")).isErrorEnvelope(404, "table not found: \"x\"");
 *   assertThat(server.call("GET /meta/app?name=x")).hasStatus(404);   // the same, in process
 * }
 * }</pre>
 *
 * <p>The builder is given {@code host("127.0.0.1")} and {@code port(0)} before the setup runs, so
 * the setup may change them. A per-class server must be registered on a {@code static} field; a
 * per-test one may be either. {@link #beforeEachTest} adds a reset (a state fixture, say) that
 * runs before every test, after the server is up.
 */
public final class PegasusServerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private final boolean perClass;
  private final Consumer<PegasusHttpServer.Builder> setup;
  private final List<Runnable> resets = new ArrayList<>();
  private PegasusHttpServer server;
  private String ownerId;

  private PegasusServerExtension(boolean perClass, Consumer<PegasusHttpServer.Builder> setup) {
    this.perClass = perClass;
    this.setup = setup;
  }

  /** One server for the whole test class, built by {@code setup}; register on a static field. */
  public static PegasusServerExtension perClass(Consumer<PegasusHttpServer.Builder> setup) {
    return new PegasusServerExtension(true, setup);
  }

  /** A new server for every test, built by {@code setup} each time. */
  public static PegasusServerExtension perTest(Consumer<PegasusHttpServer.Builder> setup) {
    return new PegasusServerExtension(false, setup);
  }

  /**
   * Runs {@code reset} before every test, after the server started: e.g. {@code () ->
   * state.set(fixture())}, so that a test that changes the state affects no other. Returns this.
   */
  public PegasusServerExtension beforeEachTest(Runnable reset) {
    resets.add(reset);
    return this;
  }

  /** The running server. */
  public PegasusHttpServer server() {
    checkState(
        server != null,
        "no server is running: register the extension with @RegisterExtension (on a static field"
            + " for perClass), and use it from tests or @BeforeEach methods");
    return server;
  }

  /** {@code http://127.0.0.1:<port>} (https with TLS), without a trailing slash. */
  public String url() {
    return server().url();
  }

  /** The bound port. */
  public int port() {
    return server().port();
  }

  /** GET over the socket. */
  public TestResponse get(String pathAndQuery) {
    return HttpCalls.get(server(), pathAndQuery);
  }

  /** POST a UTF-8 body over the socket. */
  public TestResponse post(String pathAndQuery, String body) {
    return HttpCalls.post(server(), pathAndQuery, body);
  }

  /** Sends {@code request} over the socket. */
  public TestResponse send(TestRequest request) {
    return HttpCalls.send(server(), request);
  }

  /** Serves {@code "METHOD /target"} with {@code "Name: value"} header lines in process ({@link InProcess}). */
  public TestResponse call(String requestLine, String... headerLines) {
    return InProcess.call(server(), requestLine, headerLines);
  }

  /** Serves {@code request} in process ({@link InProcess}). */
  public TestResponse call(TestRequest request) {
    return InProcess.call(server(), request);
  }

  /** Starts the per-class server (once, also when nested classes inherit the extension). */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (perClass && server == null) {
      start();
      ownerId = context.getUniqueId();
    }
  }

  /** Starts the per-test server, then runs the resets. */
  @Override
  public void beforeEach(ExtensionContext context) {
    if (perClass && server == null) {
      throw new ExtensionConfigurationException(
          "PegasusServerExtension.perClass must be registered on a static field");
    }
    if (!perClass) {
      start();
    }
    resets.forEach(Runnable::run);
  }

  /** Closes the per-test server. */
  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  /** Closes the per-class server after the class that started it. */
  @Override
  public void afterAll(ExtensionContext context) {
    if (perClass && context.getUniqueId().equals(ownerId)) {
      stop();
    }
  }

  private void start() {
    PegasusHttpServer.Builder builder = PegasusHttpServer.builder().host("127.0.0.1").port(0);
    setup.accept(builder);
    server = builder.build().start();
  }

  private void stop() {
    PegasusHttpServer running = server;
    server = null;
    ownerId = null;
    if (running != null) {
      running.close();
    }
  }
}
