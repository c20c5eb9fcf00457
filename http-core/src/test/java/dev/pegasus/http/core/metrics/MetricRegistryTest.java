package dev.pegasus.http.core.metrics;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.PegasusHttpServer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {

  static final MetricPrototype GET_REQUESTS =
      MetricPrototype.counter("replica", "get_requests", MetricUnit.REQUESTS, "The number of GET requests");
  static final MetricPrototype GET_LATENCY =
      MetricPrototype.percentile("replica", "get_latency_ns", MetricUnit.NANOSECONDS, "The latency of GET requests");
  static final MetricPrototype SST_MB =
      MetricPrototype.gauge("replica", "rdb_total_sst_size_mb", MetricUnit.MEGABYTES, "The total size of sst files");
  static final MetricPrototype RECENT =
      MetricPrototype.volatileCounter("replica", "recent_requests", MetricUnit.REQUESTS, "Recent requests");

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final MetricRegistry registry = new MetricRegistry(nanos::get);

  private MetricEntity replica(int app, int partition) {
    return registry.entity(
        "replica",
        "replica@" + app + "." + partition,
        ImmutableMap.of("table_id", "" + app, "partition_id", "" + partition));
  }

  @Test
  void entitiesAndMetricsAreCreatedOnceAndListedInCreationOrder() {
    MetricEntity a = replica(2, 3);
    MetricEntity b = replica(1, 0);
    assertThat(replica(2, 3)).isSameInstanceAs(a);
    assertThat(registry.entities()).containsExactly(a, b).inOrder();
    Counter requests = a.counter(GET_REQUESTS);
    Gauge sst = a.gauge(SST_MB);
    assertThat(a.counter(GET_REQUESTS)).isSameInstanceAs(requests);
    assertThat(a.metrics()).containsExactly(requests, sst).inOrder();
    assertThat(a.metric("get_requests")).hasValue(requests);
    assertThat(a.attributes()).containsExactly("table_id", "2", "partition_id", "3").inOrder();
  }

  @Test
  void askingAgainReplacesTheAttributes() {
    MetricEntity e = registry.entity("disk", "disk@ssd1", Map.of("tag", "ssd1"));
    registry.entity("disk", "disk@ssd1", ImmutableMap.of("tag", "ssd1", "data_dir", "/data/1"));
    assertThat(e.attributes()).containsExactly("tag", "ssd1", "data_dir", "/data/1");
  }

  @Test
  void misuseIsRefusedWithAMessage() {
    MetricEntity e = replica(2, 3);
    e.counter(GET_REQUESTS);
    IllegalArgumentException wrongKind = assertThrows(IllegalArgumentException.class, () -> e.gauge(GET_REQUESTS));
    assertThat(wrongKind).hasMessageThat().contains("is a Counter, not a Gauge");
    MetricPrototype serverOnly = MetricPrototype.gauge("server", "total_replicas", MetricUnit.REPLICAS, "replicas");
    IllegalArgumentException wrongEntity = assertThrows(IllegalArgumentException.class, () -> e.gauge(serverOnly));
    assertThat(wrongEntity).hasMessageThat().contains("belongs to entities of type server");
    MetricPrototype redefined =
        MetricPrototype.counter("replica", "get_requests", MetricUnit.BYTES, "something else");
    assertThrows(IllegalArgumentException.class, () -> e.counter(redefined));
    assertThrows(IllegalArgumentException.class, () -> registry.entity("table", "replica@2.3", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> e.counter(GET_REQUESTS).add(-1));
    assertThrows(IllegalArgumentException.class, () -> MetricPrototype.gauge("replica", "Bad-Name", MetricUnit.KEYS, ""));
  }

  @Test
  void gaugesCountersAndVolatileCountersRead() {
    MetricEntity e = replica(2, 3);
    e.gauge(SST_MB).set(7);
    e.gauge(SST_MB).add(-2);
    e.counter(GET_REQUESTS).add(40);
    e.counter(GET_REQUESTS).increment();
    e.volatileCounter(RECENT).add(5);
    assertThat(e.gauge(SST_MB).value()).isEqualTo(5);
    assertThat(e.counter(GET_REQUESTS).value()).isEqualTo(41);
    assertThat(e.volatileCounter(RECENT).fetchAndReset()).isEqualTo(5);
    assertThat(e.volatileCounter(RECENT).fetchAndReset()).isEqualTo(0);
  }

  @Test
  void callbackMetricsReadTheirCallbackAndCannotBeSet() {
    AtomicLong source = new AtomicLong(3);
    MetricEntity server = registry.server();
    MetricPrototype threads = MetricPrototype.gauge("server", "threads", MetricUnit.TASKS, "threads");
    MetricPrototype total = MetricPrototype.counter("server", "total", MetricUnit.OPERATIONS, "total");
    Gauge g = server.gauge(threads, source::get);
    Counter c = server.counter(total, source::get);
    source.set(9);
    assertThat(g.value()).isEqualTo(9);
    assertThat(c.value()).isEqualTo(9);
    assertThrows(IllegalStateException.class, () -> g.set(1));
    assertThrows(IllegalStateException.class, c::increment);
  }

  @Test
  void percentilesAreZeroUntilComputedThenTakeIndexFloorNq() {
    Percentile p = replica(2, 3).percentile(GET_LATENCY);
    for (int i = 100; i >= 1; i--) {
      p.record(i);
    }
    assertThat(p.value(Quantile.P99)).isEqualTo(0);
    registry.computePercentiles();
    // sorted 1..100: index floor(100*q)
    assertThat(p.value(Quantile.P50)).isEqualTo(51);
    assertThat(p.value(Quantile.P90)).isEqualTo(91);
    assertThat(p.value(Quantile.P95)).isEqualTo(96);
    assertThat(p.value(Quantile.P99)).isEqualTo(100);
    assertThat(p.value(Quantile.P999)).isEqualTo(100);
  }

  @Test
  void theWindowKeepsTheLatest4096Samples() {
    Percentile p = replica(2, 3).percentile(GET_LATENCY);
    for (int i = 0; i < Percentile.WINDOW; i++) {
      p.record(1_000_000);
    }
    for (int i = 0; i < Percentile.WINDOW; i++) {
      p.record(7);
    }
    p.compute();
    assertThat(p.value(Quantile.P999)).isEqualTo(7);
    assertThat(p.recordedCount()).isEqualTo(2L * Percentile.WINDOW);
  }

  @Test
  void aPercentileComputesOnlyItsQuantiles() {
    MetricPrototype two =
        MetricPrototype.percentile(
            "replica", "two_ns", MetricUnit.NANOSECONDS, "two", EnumSet.of(Quantile.P99, Quantile.P95));
    Percentile p = replica(2, 3).percentile(two);
    p.record(5);
    p.compute();
    assertThat(two.quantiles()).containsExactly(Quantile.P95, Quantile.P99).inOrder();
    assertThat(p.value(Quantile.P99)).isEqualTo(5);
    assertThat(p.value(Quantile.P50)).isEqualTo(0);
  }

  @Test
  void aRetiredEntityStaysForTheDelayThenGoes() {
    registry.retirementDelay(Duration.ofSeconds(10));
    replica(2, 3).counter(GET_REQUESTS).add(3);
    assertThat(registry.retire("replica@2.3")).isTrue();
    assertThat(registry.retire("replica@9.9")).isFalse();
    nanos.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(registry.removeRetired()).isEqualTo(0);
    assertThat(registry.find("replica@2.3")).isPresent();
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(registry.removeRetired()).isEqualTo(1);
    assertThat(registry.find("replica@2.3")).isEmpty();
    assertThat(registry.entities()).isEmpty();
  }

  @Test
  void takingAnEntityUpAgainCancelsItsRetirement() {
    registry.retirementDelay(Duration.ofSeconds(10));
    MetricEntity e = replica(2, 3);
    registry.retire(e.id());
    assertThat(replica(2, 3)).isSameInstanceAs(e);
    nanos.addAndGet(Duration.ofMinutes(1).toNanos());
    assertThat(registry.removeRetired()).isEqualTo(0);
    assertThat(registry.find(e.id())).hasValue(e);
  }

  @Test
  void everyServerHasItsOwnRegistryWithProcessMetrics() {
    try (PegasusHttpServer one = PegasusHttpServer.builder().role("replica").port(0).build();
        PegasusHttpServer two = PegasusHttpServer.builder().role("meta").port(0).build()) {
      assertThat(one.metrics()).isNotSameInstanceAs(two.metrics());
      MetricEntity server = one.metrics().server();
      assertThat(server.metric("resident_mem_usage_mb")).isPresent();
      assertThat(server.metric("virtual_mem_usage_mb")).isPresent();
      assertThat(((Gauge) server.metric("jvm_heap_used_bytes").orElseThrow()).value()).isGreaterThan(0L);
      assertThat(((Gauge) server.metric("resident_mem_usage_mb").orElseThrow()).value()).isGreaterThan(0L);
    }
  }
}
