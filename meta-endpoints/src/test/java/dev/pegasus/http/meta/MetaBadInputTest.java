package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.Envelopes.envelope;

import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every {@code /meta} endpoint's bad inputs: exact status and envelope, and the server goes on. */
final class MetaBadInputTest {

  private static final String DUPLICATE =
      "failed to parse request: ERR_INVALID_PARAMETERS: duplicate parameter: ";

  @RegisterExtension
  static final PegasusServerExtension meta =
      MetaFixtures.primaryServing(
          new InMemoryMetaState(MetaSnapshot.empty()), MetaFixtures::unitTestCluster);

  @AfterEach
  void serverKeepsServing() {
    assertThat(meta.get("/meta/app?name=test_meta_http").status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " | ",
      quoteCharacter = '`',
      value = {
        "/meta/app | 400 | app name shouldn't be empty",
        "/meta/app?name= | 400 | app name shouldn't be empty",
        "/meta/app?detail | 400 | app name shouldn't be empty",
        "/meta/app?name=nope&detail | 404 | table not found: \"nope\"",
        "/meta/app?name=test_meta_http&foo=1 | 400 | unknown parameter \"foo\" for /meta/app;"
            + " accepted: name, detail",
        "/meta/app?app_name=test_meta_http | 400 | unknown parameter \"app_name\" for /meta/app;"
            + " accepted: name, detail",
        "/meta/app?name=test_meta_http&name=x | 400 | DUPname",
        "/meta/app?name=test_meta_http&detail&detail=1 | 400 | DUPdetail",
        "/meta/app?name=test_meta_http&detail=yes | 400 | invalid value for flag \"detail\":"
            + " \"yes\"; use detail, detail=true|1 or detail=false|0",
        "/meta/app?name=test_meta_http&=1 | 400 | failed to parse request: a parameter has no name:"
            + " \"=1\"",
        "/meta/app?name=a%26b%3Dc | 404 | table not found: \"a&b=c\"",
        "/meta/apps?foo | 400 | unknown parameter \"foo\" for /meta/apps; accepted: detail",
        "/meta/apps?detail&detail | 400 | DUPdetail",
        "/meta/apps?= | 400 | failed to parse request: a parameter has no name: \"=\"",
        "/meta/apps?detail=2 | 400 | invalid value for flag \"detail\": \"2\"; use detail,"
            + " detail=true|1 or detail=false|0",
        "/meta/nodes?foo=bar | 400 | unknown parameter \"foo\" for /meta/nodes; accepted: detail",
        "/meta/nodes?detail=1&detail=0 | 400 | DUPdetail",
        "/meta/cluster?x=1 | 400 | unknown parameter \"x\" for /meta/cluster; accepted: none",
        "/meta/cluster?detail | 400 | unknown parameter \"detail\" for /meta/cluster; accepted:"
            + " none",
        "/meta/app_envs | 400 | app name shouldn't be empty",
        "/meta/app_envs?name= | 400 | app name shouldn't be empty",
        "/meta/app_envs?name=nope | 404 | table not found: \"nope\"",
        "/meta/app_envs?name=test_meta_http&x | 400 | unknown parameter \"x\" for /meta/app_envs;"
            + " accepted: name",
        "/meta/app_envs?name=test_meta_http&name=test_meta_http | 400 | DUPname",
        "/meta/app/duplication | 400 | name should not be empty",
        "/meta/app/duplication?name= | 400 | name should not be empty",
        "/meta/app/duplication?name=nope | 404 | ERR_APP_NOT_EXIST: no AVAILABLE table named"
            + " \"nope\"",
        "/meta/app/duplication?name=test_meta_http&appid=2 | 400 | unknown parameter \"appid\" for"
            + " /meta/app/duplication; accepted: name",
        "/meta/app/duplication?name=a&name=b | 400 | DUPname",
        "/meta/backup_policy?policy=x | 400 | unknown parameter \"policy\" for /meta/backup_policy;"
            + " accepted: name",
        "/meta/backup_policy?name=p1&name=p2 | 400 | DUPname",
      })
  void badInputIsAnEnvelope(String target, int status, String message) {
    TestResponse r = meta.get(target);
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    assertThat(r.body())
        .isEqualTo(
            envelope(
                status,
                status == 400 ? "Bad Request" : "Not Found",
                message.replace("DUP", DUPLICATE),
                path));
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.contentType()).isEqualTo("application/json");
  }

  /** Undertow rejects these request targets itself, with an empty 400, before any endpoint runs. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/meta/app?name=%G0",
        "/meta/app_envs?name=ab%2",
        "/meta/app/duplication?name=%%%",
        "/meta/backup_policy?name=%zz",
        "/meta/apps?detail%",
      })
  void badEscapesAre400(String target) {
    TestResponse r = HttpCalls.rawGet(meta.server(), target);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("Exception");
  }

  @Test
  void otherMethodsAre405() {
    TestResponse r = HttpCalls.send("PUT", meta.server().url() + "/meta/apps", "x");
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.header("Allow")).hasValue("GET, HEAD, POST");
  }

  @Test
  void postAndHeadAreServedLikeGet() {
    assertThat(HttpCalls.post(meta.server(), "/meta/app?name=test_meta_http", "ignored").body())
        .isEqualTo(meta.get("/meta/app?name=test_meta_http").body());
    TestResponse head = HttpCalls.send("HEAD", meta.server().url() + "/meta/apps", null);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }
}
