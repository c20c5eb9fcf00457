package dev.pegasus.http.core.internal.metrics;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.metrics.VolatileCounter;
import dev.pegasus.http.testing.HttpCalls;
import dev.pegasus.http.testing.PegasusServerExtension;
import dev.pegasus.http.testing.TestRequest;
import dev.pegasus.http.testing.TestResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /metrics} JSON over real sockets: reference §2.3's example byte for byte, §2.10's
 * test-pinned cases, every error, the volatile counter's reset, HEAD, and what the clients of §8
 * send and read.
 */
final class MetricsJsonQueryTest {

  static final MetricRegistry REGISTRY = MetricsJsonFixture.registry();
  static final Instant NOW = Instant.ofEpochSecond(1_718_000_000L, 123_456_789);

  @RegisterExtension
  static final PegasusServerExtension server =
      PegasusServerExtension.perClass(
          b -> b.role("replica")
              .configure(c -> c.clusterName("onebox"))
              .metrics(REGISTRY)
              .service(Clock.class, Clock.fixed(NOW, ZoneOffset.UTC)));

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The body's top level with this host and port, as the reference's example. */
  private static String head() {
    return "{\n"
        + "    \"cluster\": \"onebox\",\n"
        + "    \"role\": \"replica\",\n"
        + "    \"host\": \"" + HostName.get() + "\",\n"
        + "    \"port\": " + server.port() + ",\n"
        + "    \"timestamp_ns\": 1718000000123456789,\n";
  }

  private static TestResponse ok(String target) {
    TestResponse r = server.get(target);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    return r;
  }

  private static JsonNode json(TestResponse r) {
    try {
      return MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(r.body(), e);
    }
  }

  /** The ids of the emitted entities, in order. */
  private static List<String> ids(String target) {
    List<String> ids = new ArrayList<>();
    json(ok(target)).get("entities").forEach(e -> ids.add(e.get("id").asText()));
    return ids;
  }

  /** The field names of every metric object of the entity with this id. */
  private static List<List<String>> fieldsOf(String target, String id) {
    List<List<String>> all = new ArrayList<>();
    for (JsonNode e : json(ok(target)).get("entities")) {
      if (e.get("id").asText().equals(id)) {
        for (JsonNode m : e.get("metrics")) {
          List<String> names = new ArrayList<>();
          m.fieldNames().forEachRemaining(names::add);
          all.add(names);
        }
      }
    }
    return all;
  }

  private static void assertError(TestResponse r, String message) {
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.body()).isEqualTo("{\n    \"error_message\": \"" + message + "\"\n}");
  }

  // ---- §2.3 ----

  @Test
  void theReferenceExampleByteForByte() {
    assertThat(ok("/metrics?types=replica&metrics=get_requests,get_latency_ns").body())
        .isEqualTo(
            head()
                + """
                    "entities": [
                        {
                            "type": "replica",
                            "id": "replica@2.3",
                            "attributes": {
                                "table_id": "2",
                                "partition_id": "3"
                            },
                            "metrics": [
                                {
                                    "name": "get_requests",
                                    "value": 1024
                                },
                                {
                                    "name": "get_latency_ns",
                                    "p50": 120000,
                                    "p90": 250000,
                                    "p95": 300000,
                                    "p99": 800000,
                                    "p999": 1500000
                                }
                            ]
                        }
                    ]
                }""");
  }

  @Test
  void detailPrintsTheCounterWithTypeUnitAndDescription() {
    assertThat(ok("/metrics?types=replica&metrics=get_requests&detail=true").body())
        .isEqualTo(
            head()
                + """
                    "entities": [
                        {
                            "type": "replica",
                            "id": "replica@2.3",
                            "attributes": {
                                "table_id": "2",
                                "partition_id": "3"
                            },
                            "metrics": [
                                {
                                    "type": "Counter",
                                    "name": "get_requests",
                                    "unit": "Requests",
                                    "desc": "The number of GET requests",
                                    "value": 1024
                                }
                            ]
                        }
                    ]
                }""");
  }

  @Test
  void noMatchIsAnEmptyEntitiesArray() {
    assertThat(ok("/metrics?types=unknown_type").body()).isEqualTo(head() + "    \"entities\": []\n}");
  }

  @Test
  void portIsTheBoundPortAndHostIsTheMachinesName() {
    JsonNode top = json(ok("/metrics?types=none"));
    assertThat(top.get("port").asInt()).isEqualTo(server.port());
    assertThat(top.get("host").asText()).isNotEmpty();
    assertThat(top.get("host").asText()).isEqualTo(HostName.get());
  }

  @Test
  void everyEntityWithMetricsWithoutParameters() {
    List<String> ids = ids("/metrics");
    // Creation order (the server adds its own entity when it is built, after the fixture's); the
    // profiler entity has no metrics and is never emitted.
    assertThat(ids)
        .containsExactly(
            "replica@2.3", "replica_5.0", "replica_5.1", "app_5", "app_6", "server_116", "volatile@1", "server")
        .inOrder();
  }

  // ---- §2.10, the test-pinned cases ----

  @Test
  void typesMyAppGivesBothAppsWithNameAndValue() {
    assertThat(ok("/metrics?types=my_app").body())
        .isEqualTo(
            head()
                + """
                    "entities": [
                        {
                            "type": "my_app",
                            "id": "app_5",
                            "attributes": {
                                "table": "test_app_5"
                            },
                            "metrics": [
                                {
                                    "name": "test_app_gauge_int64",
                                    "value": 5
                                }
                            ]
                        },
                        {
                            "type": "my_app",
                            "id": "app_6",
                            "attributes": {
                                "table": "test_app_6"
                            },
                            "metrics": [
                                {
                                    "name": "test_app_gauge_int64",
                                    "value": 6
                                }
                            ]
                        }
                    ]
                }""");
  }

  @Test
  void postIsRefusedBeforeAnyParameterIsLookedAt() {
    String message = "please use 'GET' method while querying for metrics";
    assertError(server.post("/metrics?types=my_app", ""), message);
    assertError(server.post("/metrics?invalid_field=unknown_value", ""), message);
    assertError(server.post("/metrics", "types=my_app"), message);
  }

  @Test
  void typesFilter() {
    assertThat(ids("/metrics?types=unknown_type")).isEmpty();
    assertThat(ids("/metrics?types=unknown_type,my_app")).containsExactly("app_5", "app_6").inOrder();
    assertThat(ids("/metrics?types=my_app,my_replica&attributes=table,test_app_5"))
        .containsExactly("replica_5.0", "replica_5.1", "app_5")
        .inOrder();
  }

  @Test
  void idsFilterIgnoresIdsThatDoNotExist() {
    assertThat(ids("/metrics?ids=replica_5.1,app_6")).containsExactly("replica_5.1", "app_6").inOrder();
    assertThat(ids("/metrics?ids=replica_5.1,nothing,app_6,app_99"))
        .containsExactly("replica_5.1", "app_6")
        .inOrder();
  }

  @Test
  void attributePairsAreOred() {
    assertThat(ids("/metrics?attributes=table,test_app_5,partition,5.1"))
        .containsExactly("replica_5.0", "replica_5.1", "app_5")
        .inOrder();
    assertThat(ids("/metrics?attributes=partition,5.1,table,test_app_6"))
        .containsExactly("replica_5.1", "app_6")
        .inOrder();
    assertThat(ids("/metrics?attributes=no_such_attribute,5.1")).isEmpty();
    assertThat(ids("/metrics?attributes=table_id,2")).containsExactly("replica@2.3");
  }

  @Test
  void anOddNumberOfAttributeTokensIs400() {
    String message =
        "the number of arguments for attributes should be even, since each attribute name always"
            + " pairs with a value";
    assertError(server.get("/metrics?attributes=table"), message);
    assertError(server.get("/metrics?attributes=table,test_app_5,partition"), message);
    assertError(server.get("/metrics?attributes=table,,test_app_5,partition"), message); // empty token dropped
  }

  @Test
  void metricsFilterSelectsOnlyExistingMetrics() {
    JsonNode top = json(ok("/metrics?metrics=test_app_gauge_int64,another_test_app_gauge_int64"));
    assertThat(top.get("entities").size()).isEqualTo(2);
    for (JsonNode e : top.get("entities")) {
      assertThat(e.get("type").asText()).isEqualTo("my_app");
      assertThat(e.get("metrics").size()).isEqualTo(1);
      assertThat(e.get("metrics").get(0).get("name").asText()).isEqualTo("test_app_gauge_int64");
    }
  }

  @Test
  void aValueRunsToTheNextAmpersand() {
    // The upstream test's typo: types = [my_app, "ids=replica_5.1", app_6].
    assertThat(ids("/metrics?types=my_app,ids=replica_5.1,app_6")).containsExactly("app_5", "app_6").inOrder();
  }

  @Test
  void fieldSets() {
    List<String> brief = List.of("name", "value");
    List<String> all = List.of("type", "name", "unit", "desc", "value");
    assertThat(fieldsOf("/metrics?types=my_replica&with_metric_fields=name,desc&detail=true", "replica_5.0"))
        .containsExactly(List.of("name", "desc"), List.of("name", "desc"));
    assertThat(fieldsOf("/metrics?types=my_replica&detail=true", "replica_5.0")).containsExactly(all, all);
    assertThat(fieldsOf("/metrics?types=my_replica&detail=false", "replica_5.0")).containsExactly(brief, brief);
    assertThat(fieldsOf("/metrics?types=my_replica&detail=TrUe", "replica_5.0")).containsExactly(all, all);
    assertThat(fieldsOf("/metrics?types=my_replica&detail=FALSE", "replica_5.0")).containsExactly(brief, brief);
    // with_metric_fields takes precedence over detail; an empty list means every field.
    assertThat(fieldsOf("/metrics?types=my_replica&with_metric_fields=&detail=false", "replica_5.0"))
        .containsExactly(all, all);
    assertThat(fieldsOf("/metrics?types=my_replica&with_metric_fields=value,no_such_field", "replica_5.0"))
        .containsExactly(List.of("value"), List.of("value"));
  }

  @Test
  void percentileFieldsAreItsConfiguredQuantiles() {
    assertThat(fieldsOf("/metrics?types=my_server", "server_116")).containsExactly(List.of("name", "p95", "p99"));
    assertThat(fieldsOf("/metrics?types=my_server&detail=true", "server_116"))
        .containsExactly(List.of("type", "name", "unit", "desc", "p95", "p99"));
    assertThat(fieldsOf("/metrics?types=my_server&with_metric_fields=p50,p99", "server_116"))
        .containsExactly(List.of("p99"));
    JsonNode m = json(ok("/metrics?types=my_server")).get("entities").get(0).get("metrics").get(0);
    assertThat(m.get("p95").isIntegralNumber()).isTrue();
    assertThat(m.get("p95").asLong()).isEqualTo(96);
    assertThat(m.get("p99").asLong()).isEqualTo(100);
  }

  @Test
  void aMetricWithNoFieldLeftIsAnEmptyObjectAndItsEntityIsStillEmitted() {
    assertThat(ok("/metrics?types=my_app&ids=app_5&with_metric_fields=no_such_field").body())
        .isEqualTo(
            head()
                + """
                    "entities": [
                        {
                            "type": "my_app",
                            "id": "app_5",
                            "attributes": {
                                "table": "test_app_5"
                            },
                            "metrics": [
                                {}
                            ]
                        }
                    ]
                }""");
  }

  // ---- errors ----

  @Test
  void detailMustBeTrueOrFalse() {
    String message = "the value of detail should be a boolean value, i.e. true or false";
    assertError(server.get("/metrics?detail"), message);
    assertError(server.get("/metrics?detail="), message);
    assertError(server.get("/metrics?detail=1"), message);
    assertError(server.get("/metrics?detail=yes"), message);
    assertError(server.get("/metrics?detail=%20true"), message);
  }

  @Test
  void anUnknownFieldIsNamedWithItsValue() {
    assertError(server.get("/metrics?foo=bar"), "unknown field foo=bar");
    assertError(server.get("/metrics?foo"), "unknown field foo=");
    assertError(server.get("/metrics?types=my_app&Detail=true"), "unknown field Detail=true");
    assertError(server.get("/metrics?foo=a%2Cb%20c"), "unknown field foo=a,b c");
  }

  @Test
  void anEchoedKeyOrValueIsBoundedAndEscaped() {
    TestResponse r = server.get("/metrics?foo=" + "x".repeat(1000) + "%01");
    assertThat(r.status()).isEqualTo(400);
    String message = json(r).get("error_message").asText();
    assertThat(message).startsWith("unknown field foo=xxx");
    assertThat(message.length()).isLessThan(400);
    assertThat(json(server.get("/metrics?foo=a%01b")).get("error_message").asText())
        .isEqualTo("unknown field foo=a\\x01b");
  }

  @Test
  void otherMethodsAreTheFrameworks405() {
    TestResponse r = server.send(TestRequest.of("PUT /metrics"));
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.header("Allow")).hasValue("GET, HEAD, POST");
  }

  @Test
  void theFirstBadParameterInTheClientsOrderIsTheError() {
    assertError(server.get("/metrics?foo=bar&detail=x"), "unknown field foo=bar");
    assertError(
        server.get("/metrics?detail=x&foo=bar"),
        "the value of detail should be a boolean value, i.e. true or false");
    assertError(
        server.get("/metrics?attributes=a&detail=x"),
        "the number of arguments for attributes should be even, since each attribute name always pairs with a value");
  }

  @Test
  void aRepeatedParameterIsTheFrameworksEnvelope() {
    TestResponse r = server.get("/metrics?types=a&types=b");
    assertThat(r.status()).isEqualTo(400);
    assertThat(json(r).get("message").asText())
        .isEqualTo("failed to parse request: ERR_INVALID_PARAMETERS: duplicate parameter: types");
  }

  // ---- the list rule ----

  @Test
  void listsAreTrimmedAndEmptyTokensDropped() {
    assertThat(ids("/metrics?types=%20my_app%20,%09my_server%0D%0A,,")).containsExactly("app_5", "app_6", "server_116");
    assertThat(ids("/metrics?types=,,&ids=app_6")).containsExactly("app_6"); // an empty list is no filter
    assertThat(ids("/metrics?types=&ids=&attributes=&metrics=test_app_gauge_int64")).containsExactly("app_5", "app_6");
    // A trailing CR/LF is trimmed, a leading one is not (upstream strips only spaces and tabs in front).
    assertThat(ids("/metrics?types=%0Amy_app")).isEmpty();
  }

  @Test
  void aNulEndsTheList() {
    assertThat(ids("/metrics?types=my_app%00,my_server")).containsExactly("app_5", "app_6");
    assertThat(ids("/metrics?types=my_server,my_app%00")).containsExactly("app_5", "app_6", "server_116");
    assertThat(ids("/metrics?types=%00my_server")).hasSize(8); // nothing before the NUL: no filter
  }

  // ---- read semantics ----

  @Test
  void aSelectedVolatileCounterIsResetByTheRead() {
    MetricEntity entity = REGISTRY.find("volatile@1").orElseThrow();
    VolatileCounter recent = entity.volatileCounter(MetricsJsonFixture.RECENT);
    recent.add(5);
    String target = "/metrics?types=volatile&detail=true";
    JsonNode m = json(ok(target)).get("entities").get(0).get("metrics").get(0);
    assertThat(m.get("type").asText()).isEqualTo("VolatileCounter");
    assertThat(m.get("value").asLong()).isEqualTo(5);
    assertThat(json(ok(target)).get("entities").get(0).get("metrics").get(0).get("value").asLong()).isEqualTo(0);
    // Selected but its value not printed: still reset, as upstream reads it either way.
    recent.add(3);
    ok("/metrics?types=volatile&with_metric_fields=name");
    recent.add(1);
    assertThat(json(ok(target)).get("entities").get(0).get("metrics").get(0).get("value").asLong()).isEqualTo(1);
    // Not selected (another type): not reset.
    recent.add(4);
    ok("/metrics?types=my_app");
    assertThat(json(ok(target)).get("entities").get(0).get("metrics").get(0).get("value").asLong()).isEqualTo(4);
  }

  @Test
  void aHeadDoesNotResetAVolatileCounter() {
    VolatileCounter recent =
        REGISTRY.find("volatile@1").orElseThrow().volatileCounter(MetricsJsonFixture.RECENT);
    String target = "/metrics?types=volatile";
    ok(target); // starts from 0
    recent.add(6);
    TestResponse head = server.send(TestRequest.of("HEAD " + target));
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.bytes()).isEmpty();
    // The HEAD's body was dropped: the GET still takes the 6.
    assertThat(json(ok(target)).get("entities").get(0).get("metrics").get(0).get("value").asLong()).isEqualTo(6);
    assertThat(json(ok(target)).get("entities").get(0).get("metrics").get(0).get("value").asLong()).isEqualTo(0);
  }

  @Test
  void headIsGetWithoutTheBody() {
    TestResponse get = ok("/metrics?types=my_app");
    TestResponse head = server.send(TestRequest.of("HEAD /metrics?types=my_app"));
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.contentType()).isEqualTo("application/json");
    assertThat(head.header("Content-Length")).hasValue(String.valueOf(get.bytes().length));
    assertThat(head.bytes()).isEmpty();
  }

  @Test
  void headWithABadParameterIs400WithoutABody() {
    TestResponse head = server.send(TestRequest.of("HEAD /metrics?detail=x"));
    assertThat(head.status()).isEqualTo(400);
    assertThat(head.bytes()).isEmpty();
  }

  // ---- §8.2 the hotspot detector ----

  @Test
  void theHotspotDetectorsQuery() {
    TestResponse r =
        ok("/metrics?attributes=&ids=&metrics=get_requests%2Cmulti_get_requests%2Cbatch_get_requests%2Cscan_requests"
            + "%2Cput_requests%2Cmulti_get_requests%2Cremove_requests%2Cmulti_remove_requests%2Cincr_requests"
            + "%2Ccheck_and_set_requests%2Ccheck_and_mutate_requests%2Cdup_requests&types=replica"
            + "&with_metric_fields=name%2Cvalue");
    JsonNode top = json(r);
    assertThat(top.get("cluster").isTextual()).isTrue();
    assertThat(top.get("role").isTextual()).isTrue();
    assertThat(top.get("host").isTextual()).isTrue();
    assertThat(top.get("port").isInt()).isTrue();
    assertThat(top.get("timestamp_ns").isIntegralNumber()).isTrue();
    assertThat(top.get("timestamp_ns").asLong()).isEqualTo(1_718_000_000_123_456_789L);
    JsonNode entities = top.get("entities");
    assertThat(entities.size()).isEqualTo(1);
    JsonNode replica = entities.get(0);
    assertThat(replica.get("type").asText()).isEqualTo("replica");
    assertThat(replica.get("id").asText()).isEqualTo("replica@2.3");
    assertThat(Integer.parseInt(replica.get("attributes").get("table_id").asText())).isEqualTo(2);
    assertThat(Integer.parseInt(replica.get("attributes").get("partition_id").asText())).isEqualTo(3);
    List<String> names = new ArrayList<>();
    for (JsonNode m : replica.get("metrics")) {
      names.add(m.get("name").asText());
      assertThat(m.get("value").isNumber()).isTrue();
      assertThat(m.size()).isEqualTo(2);
    }
    // multi_get_requests is asked for twice and printed once; metrics the replica lacks are absent.
    assertThat(names).containsExactly("get_requests", "multi_get_requests", "put_requests").inOrder();
  }

  // ---- §8.3 the shell (commas sent as they are) ----

  @Test
  void theShellsQueries() {
    // app_stat (a few of its 59 names), count_data, app_disk, nodes -q, nodes -u, server_stat.
    assertShellReadable(
        "/metrics?with_metric_fields=name,value&types=replica&metrics=get_requests,put_requests,rdb_total_sst_size_mb",
        3);
    assertShellReadable(
        "/metrics?with_metric_fields=value,name&types=replica&attributes=table_id,2&metrics=get_requests", 1);
    assertShellReadable(
        "/metrics?with_metric_fields=name,value&types=replica&attributes=table_id,2&metrics=rdb_estimated_keys", 1);
    assertShellReadable(
        "/metrics?with_metric_fields=name,value&types=replica&attributes=table_id,2"
            + "&metrics=rdb_total_sst_files,rdb_total_sst_size_mb",
        2);
    assertShellReadable(
        "/metrics?with_metric_fields=name,value&types=replica&metrics=get_requests,multi_get_requests,"
            + "batch_get_requests,put_requests,multi_put_requests,read_capacity_units,write_capacity_units",
        3);
    JsonNode usage =
        json(ok("/metrics?with_metric_fields=name,value&types=server,replica,disk&metrics=resident_mem_usage_mb,"
            + "rdb_block_cache_mem_usage_bytes,rdb_wbm_total_mem_usage_bytes,rdb_wbm_mutable_mem_usage_bytes,"
            + "rdb_memtable_mem_usage_bytes,rdb_index_and_filter_blocks_mem_usage_bytes,disk_capacity_total_mb,"
            + "disk_capacity_avail_mb"));
    List<String> types = new ArrayList<>();
    usage.get("entities").forEach(e -> types.add(e.get("type").asText()));
    assertThat(types).containsExactly("replica", "server").inOrder();
    JsonNode stat =
        json(ok("/metrics?with_metric_fields=name,value&types=server&metrics=virtual_mem_usage_mb,resident_mem_usage_mb"));
    assertThat(stat.get("role").asText()).isAnyOf("meta", "replica");
    JsonNode serverEntity = stat.get("entities").get(0);
    assertThat(serverEntity.get("id").asText()).isEqualTo("server");
    assertThat(serverEntity.get("attributes").size()).isEqualTo(0);
    assertThat(serverEntity.get("metrics").size()).isEqualTo(2);
    for (JsonNode m : serverEntity.get("metrics")) {
      assertThat(m.get("value").isIntegralNumber()).isTrue();
      assertThat(m.get("value").asLong()).isAtLeast(0L);
    }
  }

  /** What the shell's {@code deserialize_metric_snapshot} needs, and the per-partition ids. */
  private static void assertShellReadable(String target, int metricsOfTheReplica) {
    JsonNode top = json(ok(target));
    for (String s : new String[] {"cluster", "role", "host"}) {
      assertThat(top.get(s).isTextual()).isTrue();
    }
    assertThat(top.get("port").isIntegralNumber()).isTrue();
    assertThat(top.get("port").asLong()).isIn(com.google.common.collect.Range.closed(0L, 65535L));
    assertThat(top.get("timestamp_ns").isIntegralNumber()).isTrue();
    assertThat(top.get("timestamp_ns").asLong()).isAtLeast(0L);
    JsonNode entities = top.get("entities");
    assertThat(entities.size()).isEqualTo(1);
    JsonNode e = entities.get(0);
    assertThat(e.get("type").isTextual()).isTrue();
    assertThat(e.get("id").isTextual()).isTrue();
    e.get("attributes").forEach(v -> assertThat(v.isTextual()).isTrue());
    Integer.parseInt(e.get("attributes").get("table_id").asText());
    Integer.parseInt(e.get("attributes").get("partition_id").asText());
    assertThat(e.get("metrics").size()).isEqualTo(metricsOfTheReplica);
    for (JsonNode m : e.get("metrics")) {
      assertThat(m.get("name").isTextual()).isTrue();
      assertThat(m.get("value").isNumber()).isTrue();
    }
  }

  // ---- §8.1 the Go collector ----

  @Test
  void theGoCollectorsDetailQuery() {
    JsonNode top = json(ok("/metrics?detail=true"));
    boolean sawServer = false;
    for (JsonNode e : top.get("entities")) {
      sawServer |= e.get("type").asText().equals("server");
      assertThat(e.get("attributes").isObject()).isTrue();
      assertThat(e.get("metrics").size()).isGreaterThan(0);
      for (JsonNode m : e.get("metrics")) {
        String type = m.get("type").asText();
        assertThat(type).isAnyOf("Gauge", "Counter", "VolatileCounter", "Percentile");
        assertThat(m.get("name").isTextual()).isTrue();
        assertThat(m.get("unit").isTextual()).isTrue();
        assertThat(m.get("desc").isTextual()).isTrue();
        if (type.equals("Percentile")) {
          assertThat(m.has("value")).isFalse();
          assertThat(m.has("p95")).isTrue();
        } else {
          assertThat(m.get("value").isIntegralNumber()).isTrue();
        }
      }
    }
    assertThat(sawServer).isTrue();
    JsonNode replica = top.get("entities").get(0);
    assertThat(replica.get("attributes").get("table_id").asText()).isEqualTo("2");
    JsonNode latency = replica.get("metrics").get(1);
    assertThat(latency.get("name").asText()).isEqualTo("get_latency_ns");
    for (String q : new String[] {"p50", "p90", "p95", "p99", "p999"}) {
      assertThat(latency.get(q).isIntegralNumber()).isTrue();
    }
  }

  // ---- the wall clock ----

  @RegisterExtension
  static final PegasusServerExtension realClock = PegasusServerExtension.perClass(b -> b.role("meta"));

  @Test
  void timestampIsTheWallClockInNanosecondsAndGrows() {
    long before = System.currentTimeMillis();
    JsonNode first = json(HttpCalls.get(realClock.server(), "/metrics?types=server&metrics=resident_mem_usage_mb"));
    JsonNode second = json(HttpCalls.get(realClock.server(), "/metrics?types=server&metrics=resident_mem_usage_mb"));
    long after = System.currentTimeMillis();
    long t1 = first.get("timestamp_ns").asLong();
    long t2 = second.get("timestamp_ns").asLong();
    assertThat(t1 / 1_000_000).isIn(com.google.common.collect.Range.closed(before, after));
    assertThat(t2).isGreaterThan(t1);
    assertThat(first.get("role").asText()).isEqualTo("meta");
    assertThat(first.get("cluster").asText()).isEqualTo("unknown");
    assertThat(first.get("port").asInt()).isEqualTo(realClock.port());
  }
}
