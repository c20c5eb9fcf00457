package dev.pegasus.http.core.spi;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a handler may read from a request, checked against its endpoint's spec. */
final class HttpRequestTest {

  private static final EndpointSpec SPEC =
      EndpointSpec.builder("/meta/app")
          .summary("Query app info.")
          .parameter(Parameter.string("name", "app_name").required())
          .parameter(Parameter.flag("detail"))
          .parameter(Parameter.oneOf("format", "legacy", "proto"))
          .parameter(Parameter.list("types", "type"))
          .parameter(Parameter.integer("count", "n", 0, 9))
          .build();

  private static HttpRequest request() {
    return HttpRequest.builder(HttpMethod.GET, "/meta/app")
        .spec(SPEC)
        .value("name", "temp", "temp")
        .value("types", "a,b", List.of("a", "b"))
        .build();
  }

  @Test
  void readingAnUndeclaredNameThrowsNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> request().string("nmae"));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo(
            "parameter \"nmae\" is not declared by the spec of /meta/app; declared: name, detail,"
                + " format, types, count");
    assertThrows(IllegalArgumentException.class, () -> request().flag("details"));
    assertThrows(IllegalArgumentException.class, () -> request().requiredString("app_name"));
    assertThrows(IllegalArgumentException.class, () -> request().list("type"));
  }

  @Test
  void readingWithTheAccessorOfAnotherKindThrows() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> request().integer("name"));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo(
            "parameter \"name\" of /meta/app is a STRING parameter; read it with"
                + " requiredString(\"name\")");
    assertThrows(IllegalArgumentException.class, () -> request().string("types"));
  }

  @Test
  void readingAnOptionalParameterAsRequiredThrows() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> request().requiredList("types"));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("parameter \"types\" of /meta/app is optional; read it with list(\"types\")");
  }

  @Test
  void declaredParametersReadTheirValues() {
    HttpRequest r = request();
    assertThat(r.requiredString("name")).isEqualTo("temp");
    assertThat(r.string("name")).hasValue("temp");
    assertThat(r.list("types")).hasValue(List.of("a", "b"));
    assertThat(r.flag("detail")).isFalse();
    assertThat(r.string("format")).isEmpty();
    assertThat(r.integer("count")).isEmpty();
  }

  @Test
  void aRequiredValueMissingFromAHandBuiltRequestSaysSo() {
    HttpRequest r = HttpRequest.builder(HttpMethod.GET, "/meta/app").spec(SPEC).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.requiredString("name"));
    assertThat(e).hasMessageThat().contains("required parameter \"name\" has no value");
  }

  @Test
  void aRequestWithoutASpecReadsAnyName() {
    HttpRequest r = HttpRequest.builder(HttpMethod.GET, "/x").value("a", "1", "1").build();
    assertThat(r.string("a")).hasValue("1");
    assertThat(r.flag("anything")).isFalse();
  }

  @Test
  void helpTextRendersEveryKind() {
    assertThat(SPEC.helpText())
        .isEqualTo(
            "name=<app_name>[&detail][&format=<legacy|proto>][&types=<type,...>][&count=<n>]."
                + " Query app info.");
  }

  @Test
  void oneOfRejectsBadDeclarations() {
    assertThrows(IllegalArgumentException.class, () -> Parameter.oneOf("format"));
    assertThrows(IllegalArgumentException.class, () -> Parameter.oneOf("format", "a", "a"));
    assertThrows(IllegalArgumentException.class, () -> Parameter.oneOf("format", "a|b"));
    assertThrows(IllegalArgumentException.class, () -> Parameter.oneOf("format", ""));
  }
}
