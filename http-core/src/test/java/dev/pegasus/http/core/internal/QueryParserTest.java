package dev.pegasus.http.core.internal;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pegasus.http.core.spi.EndpointException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference's parse_query_params cases, with our stricter rules where DESIGN.md says so. */
final class QueryParserTest {

  @Test
  void flagWithoutValue() throws Exception {
    assertThat(QueryParser.parse("query1")).containsExactly("query1", "");
    assertThat(QueryParser.parse("query1=")).containsExactly("query1", "");
  }

  @Test
  void pairsInOrder() throws Exception {
    assertThat(QueryParser.parse("query1=value1&query2=value2"))
        .containsExactly("query1", "value1", "query2", "value2")
        .inOrder();
    assertThat(QueryParser.parse("query1=value1&query2"))
        .containsExactly("query1", "value1", "query2", "")
        .inOrder();
  }

  @Test
  void emptyQueries() throws Exception {
    assertThat(QueryParser.parse("")).isEmpty();
    assertThat(QueryParser.parse(null)).isEmpty();
    assertThat(QueryParser.parse("&&")).isEmpty();
  }

  @Test
  void splitsBeforeDecoding() throws Exception {
    Map<String, String> params = QueryParser.parse("name=a%26b%3Dc&x=1=2");
    assertThat(params).containsExactly("name", "a&b=c", "x", "1=2").inOrder();
  }

  @Test
  void emptyNameIsRejected() {
    EndpointException e = assertThrows(EndpointException.class, () -> QueryParser.parse("="));
    assertThat(e.getMessage()).isEqualTo("failed to parse request: a parameter has no name: \"=\"");
  }

  @Test
  void repeatsAreRejectedEitherWay() {
    for (String q : new String[] {"a=1&a=2", "detail&detail=1", "detail=1&detail", "a&%61"}) {
      EndpointException e = assertThrows(EndpointException.class, () -> QueryParser.parse(q));
      assertThat(e.getMessage()).endsWith("duplicate parameter: " + (q.startsWith("d") ? "detail" : "a"));
    }
  }
}
