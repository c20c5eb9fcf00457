package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Read semantics of the four counter types and the registry. */
final class PerfCountersTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final PerfCounters counters =
      new PerfCounters(nanos::get, Clock.fixed(Instant.ofEpochSecond(1_600_000_000), ZoneOffset.UTC));

  @Test
  void fullNameJoinsTheParts() {
    assertThat(PerfCounters.fullName("replica", "app.pegasus", "get_qps@1.3"))
        .isEqualTo("replica*app.pegasus*get_qps@1.3");
    assertThrows(IllegalArgumentException.class, () -> PerfCounters.fullName("a*b", "s", "n"));
    assertThrows(IllegalArgumentException.class, () -> PerfCounters.fullName("a", "", "n"));
  }

  @Test
  void numberReadsWithoutSideEffects() {
    NumberCounter c = counters.number("replica", "http", "number", "number type");
    c.add(5);
    c.increment();
    c.decrement();
    assertThat(c.read().value()).isEqualTo(5.0);
    assertThat(c.read().value()).isEqualTo(5.0);
    c.set(42);
    assertThat(c.value()).isEqualTo(42);
  }

  @Test
  void volatileNumberResetsOnRead() {
    VolatileNumberCounter c = counters.volatileNumber("replica", "http", "volatile", "volatile type");
    c.add(3);
    c.increment();
    assertThat(c.read().value()).isEqualTo(4.0);
    assertThat(c.read().value()).isEqualTo(0.0);
  }

  @Test
  void rateIsEventsPerSecondSinceThePreviousRead() {
    RateCounter c = counters.rate("replica", "http", "rate", "rate type");
    c.add(50);
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
    assertThat(c.read().value()).isEqualTo(25.0);
    c.add(10);
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
    assertThat(c.read().value()).isEqualTo(25.0); // within 0.1 s: the cached rate
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(950));
    assertThat(c.read().value()).isEqualTo(10.0);
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
    assertThat(c.read().value()).isEqualTo(0.0);
  }

  @Test
  void percentilesAreComputedOnTheTimerOverTheLatestWindow() {
    PercentileCounter c = counters.percentile("replica", "http", "percentline", "percentline type");
    for (int i = 1; i <= 1000; i++) {
      c.record(i);
    }
    assertThat(c.read().p99()).isEqualTo(0.0);
    counters.computePercentiles();
    // k-th smallest with k = floor(n*q)+1: n=1000 -> 991st and 1000th
    assertThat(c.read().p99()).isEqualTo(991.0);
    assertThat(c.read().p999()).isEqualTo(1000.0);
    for (int i = 0; i < PercentileCounter.WINDOW; i++) {
      c.record(7);
    }
    counters.computePercentiles();
    assertThat(c.p99()).isEqualTo(7.0);
  }

  @Test
  void registeringAgainReturnsTheSameCounterOrFailsOnAnotherType() {
    NumberCounter a = counters.number("meta", "s", "n", "d");
    assertThat(counters.number("meta", "s", "n", "other")).isSameInstanceAs(a);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> counters.rate("meta", "s", "n", "d"));
    assertThat(e).hasMessageThat().contains("already registered as NUMBER");
  }

  @Test
  void snapshotReadsEverythingSortedAndResetsVolatileCounters() {
    counters.number("b", "s", "n", "").add(2);
    VolatileNumberCounter v = counters.volatileNumber("a", "s", "v", "");
    v.add(9);
    CounterSnapshot first = counters.takeSnapshot();
    assertThat(first.readings().stream().map(CounterReading::name))
        .containsExactly("a*s*v", "b*s*n")
        .inOrder();
    assertThat(first.readings().get(0).value()).isEqualTo(9.0);
    assertThat(counters.latestSnapshot()).isSameInstanceAs(first);
    assertThat(counters.takeSnapshot().readings().get(0).value()).isEqualTo(0.0);
    assertThat(first.withPrefix("b*")).hasSize(1);
    assertThat(first.withPrefix("c")).isEmpty();
    assertThat(first.withPrefix("")).hasSize(2);
  }

  @Test
  void liveReadsAndSnapshotsDoNotTakeFromEachOther() {
    VolatileNumberCounter v = counters.volatileNumber("replica", "s", "recent.read.cu@1.0", "");
    RateCounter r = counters.rate("replica", "s", "get_qps@1.0", "");
    v.add(10);
    r.add(40);
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(4));
    assertThat(v.read().value()).isEqualTo(10.0); // an operator's curl
    assertThat(r.read().value()).isEqualTo(10.0);
    CounterSnapshot s = counters.takeSnapshot(); // the collector's scrape still sees everything
    assertThat(s.withPrefix("replica*s*recent").get(0).value()).isEqualTo(10.0);
    assertThat(s.withPrefix("replica*s*get_qps").get(0).value()).isEqualTo(10.0);
    v.add(5);
    assertThat(counters.takeSnapshot().withPrefix("replica*s*recent").get(0).value()).isEqualTo(5.0);
    assertThat(v.read().value()).isEqualTo(5.0);
    assertThat(v.read().value()).isEqualTo(0.0);
  }

  @Test
  void removeForgetsACounter() {
    counters.number("a", "s", "n", "");
    assertThat(counters.remove("a*s*n")).isTrue();
    assertThat(counters.find("a*s*n")).isEmpty();
    assertThat(counters.remove("a*s*n")).isFalse();
  }

  @Test
  void concurrentUpdatesAreNotLost() throws Exception {
    NumberCounter c = counters.number("a", "s", "n", "");
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 100_000; i++) {
          c.increment();
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(c.value()).isEqualTo(400_000);
  }
}
