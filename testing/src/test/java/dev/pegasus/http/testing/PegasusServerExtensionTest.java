package dev.pegasus.http.testing;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.ResponseSubject.assertThat;

import dev.pegasus.http.core.PegasusHttpServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A per-class server lives across tests; a per-test server is new for each; resets run before each. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class PegasusServerExtensionTest {

  static final AtomicInteger resets = new AtomicInteger();
  static PegasusHttpServer firstPerClass;
  static PegasusHttpServer firstPerTest;

  @RegisterExtension
  static final PegasusServerExtension perClass =
      PegasusServerExtension.perClass(b -> b.role("kit").endpoint(KitEndpoints.table()))
          .beforeEachTest(resets::incrementAndGet);

  @RegisterExtension
  final PegasusServerExtension perTest = PegasusServerExtension.perTest(b -> b.role("kit"));

  @Test
  @Order(1)
  void servesOnAnEphemeralLoopbackPort() {
    firstPerClass = perClass.server();
    firstPerTest = perTest.server();

    assertThat(perClass.url()).isEqualTo("http://127.0.0.1:" + perClass.port());
    assertThat(perClass.port()).isGreaterThan(0);
    assertThat(perClass.get("/kit/table?name=temp")).hasStatus(200);
    assertThat(perClass.call("GET /kit/table?name=temp")).hasStatus(200);
    assertThat(resets.get()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void perClassIsTheSameServerAndPerTestANewOne() {
    assertThat(perClass.server()).isSameInstanceAs(firstPerClass);
    assertThat(perTest.server()).isNotSameInstanceAs(firstPerTest);
    assertThat(firstPerTest.isRunning()).isFalse();
    assertThat(resets.get()).isEqualTo(2);
  }

  @Test
  @Order(3)
  void theSetupMayOverrideTheDefaults() {
    assertThat(perTest.server().role()).isEqualTo("kit");
    assertThat(perTest.post("/kit/table?name=temp", "x")).hasStatus(404);
    assertThat(perTest.send(TestRequest.get("/version"))).hasStatus(200);
  }

  @AfterAll
  static void closesThePerClassServerAfterTheClass() {
    // afterAll of the extension runs after this method; the per-test server is already closed
    assertThat(firstPerClass.isRunning()).isTrue();
  }
}
