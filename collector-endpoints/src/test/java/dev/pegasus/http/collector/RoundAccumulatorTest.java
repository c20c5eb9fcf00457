package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The aggregation rules, on the collector reference's worked example (§3.5) and its portable
 * checks (§12).
 */
final class RoundAccumulatorTest {

  private static final String A = "10.0.0.1:34801";
  private static final String B = "10.0.0.2:34801";

  /** Table temp, app 2: A is primary of 2.0 (secondary of 2.1), B the reverse. */
  private final ClusterLayout temp =
      new ClusterLayout(List.of(A, B), List.of(TableLayout.of(2, "temp", List.of(A, B))));

  @Test
  void workedExampleOfTheReference() {
    RoundAccumulator acc = new RoundAccumulator(temp);
    acc.add(0, "replica*app.pegasus*get_qps@2.0", 10.4);
    acc.add(0, "replica*app.pegasus*put_qps@2.0", 3.0);
    acc.add(0, "replica*app.pegasus*put_qps@2.1", 2.0); // secondary: ignored
    acc.add(0, "replica*eon.replica*backup_request_qps@temp", 0.5);
    acc.add(1, "replica*app.pegasus*get_qps@2.1", 0.7);
    acc.add(1, "replica*app.pegasus*put_qps@2.1", 2.0);
    acc.add(1, "replica*eon.replica*backup_request_qps@temp", 0.6);
    acc.add(0, "replica*app.pegasus*rdb.block_cache.hit_count@2.0", 900);
    acc.add(0, "replica*app.pegasus*rdb.block_cache.total_count@2.0", 1000);
    acc.add(1, "replica*app.pegasus*rdb.block_cache.hit_count@2.1", 0);
    acc.add(1, "replica*app.pegasus*rdb.block_cache.total_count@2.1", 0);

    AppStatRound round = finish(acc);

    AppStat t = round.app("temp").orElseThrow();
    assertThat(t.value(AppStatMetric.GET_QPS)).isEqualTo(11);
    assertThat(t.value(AppStatMetric.PUT_QPS)).isEqualTo(5);
    assertThat(t.value(AppStatMetric.READ_QPS)).isEqualTo(11);
    assertThat(t.value(AppStatMetric.WRITE_QPS)).isEqualTo(5);
    assertThat(t.value(AppStatMetric.BACKUP_REQUEST_QPS)).isEqualTo(1);
    assertThat(t.value(AppStatMetric.RDB_BLOCK_CACHE_HIT_RATE)).isEqualTo(900000);
    assertThat(round.all().values()).isEqualTo(t.values());
    assertThat(round.all().appName()).isEqualTo("_all_");
    assertThat(round.all().partitionCount()).isEqualTo(2);
  }

  @Test
  void onlySecondariesCountersGiveZero() {
    RoundAccumulator acc = new RoundAccumulator(temp);
    acc.add(1, "replica*app.pegasus*get_qps@2.0", 100);
    acc.add(0, "replica*app.pegasus*put_qps@2.1", 100);
    acc.add(1, "replica*app.pegasus*disk.storage.sst(MB)@2.0", 100);
    for (AppStatMetric m : AppStatMetric.values()) {
      assertThat(finish(acc).app("temp").orElseThrow().value(m)).isEqualTo(0);
    }
  }

  @Test
  void readQpsIsTruncatedFromTheUntruncatedSum() {
    RoundAccumulator acc = new RoundAccumulator(temp);
    acc.add(0, "replica*app.pegasus*get_qps@2.0", 0.6);
    acc.add(1, "replica*app.pegasus*get_qps@2.1", 0.6);
    AppStat t = finish(acc).app("temp").orElseThrow();
    assertThat(t.value(AppStatMetric.GET_QPS)).isEqualTo(1);
    assertThat(t.value(AppStatMetric.READ_QPS)).isEqualTo(1);

    RoundAccumulator parts = new RoundAccumulator(temp);
    parts.add(0, "replica*app.pegasus*get_qps@2.0", 0.6);
    parts.add(0, "replica*app.pegasus*scan_qps@2.0", 0.6);
    AppStat p = finish(parts).app("temp").orElseThrow();
    assertThat(p.value(AppStatMetric.GET_QPS)).isEqualTo(0);
    assertThat(p.value(AppStatMetric.SCAN_QPS)).isEqualTo(0);
    assertThat(p.value(AppStatMetric.READ_QPS)).isEqualTo(1);
  }

  @Test
  void blockCacheHitRateIsInPartsPerMillion() {
    assertThat(single("rdb.block_cache.hit_count", 900, "rdb.block_cache.total_count", 1000,
        AppStatMetric.RDB_BLOCK_CACHE_HIT_RATE)).isEqualTo(900000);
    assertThat(single("rdb.block_cache.hit_count", 5, "rdb.block_cache.total_count", 0,
        AppStatMetric.RDB_BLOCK_CACHE_HIT_RATE)).isEqualTo(0);
  }

  @Test
  void bloomFilterRatesFollowTheReference() {
    RoundAccumulator acc = new RoundAccumulator(temp);
    acc.add(0, "replica*app.pegasus*rdb.bf_point_negatives@2.0", 10);
    acc.add(0, "replica*app.pegasus*rdb.bf_point_positive_total@2.0", 30);
    acc.add(0, "replica*app.pegasus*rdb.bf_point_positive_true@2.0", 20);
    acc.add(0, "replica*app.pegasus*rdb.bf_seek_negatives@2.0", 1);
    acc.add(0, "replica*app.pegasus*rdb.bf_seek_total@2.0", 4);
    AppStat t = finish(acc).app("temp").orElseThrow();
    assertThat(t.value(AppStatMetric.RDB_BF_POINT_NEGATIVES_RATE)).isEqualTo(250000);
    assertThat(t.value(AppStatMetric.RDB_BF_POINT_FALSE_POSITIVE_RATE)).isEqualTo(500000);
    assertThat(t.value(AppStatMetric.RDB_BF_SEEK_NEGATIVES_RATE)).isEqualTo(250000);
  }

  @Test
  void writeQpsIncludesDuplicates() {
    assertThat(single("duplicate_qps", 5, "get_qps", 0, AppStatMetric.WRITE_QPS)).isEqualTo(5);
  }

  @Test
  void bytesAddUpIntoReadAndWriteBytes() {
    RoundAccumulator acc = new RoundAccumulator(temp);
    String[] reads = {"get_bytes", "multi_get_bytes", "scan_bytes"};
    String[] writes = {"put_bytes", "multi_put_bytes", "check_and_set_bytes", "check_and_mutate_bytes"};
    for (String r : reads) {
      acc.add(0, "replica*app.pegasus*" + r + "@2.0", 100);
    }
    for (String w : writes) {
      acc.add(1, "replica*app.pegasus*" + w + "@2.1", 10);
    }
    AppStat t = finish(acc).app("temp").orElseThrow();
    assertThat(t.value(AppStatMetric.READ_BYTES)).isEqualTo(300);
    assertThat(t.value(AppStatMetric.WRITE_BYTES)).isEqualTo(40);
  }

  @Test
  void everyInputCounterChangesSomeMetric() {
    // On top of a baseline where every input is 1, adding 7 to any one input changes the result
    // (a ratio's input alone would not: 7 hits out of 0 lookups is 0 ppm).
    AppStat baseline = finish(withEveryInputAtOne()).app("temp").orElseThrow();
    for (RowField f : RowField.values()) {
      RoundAccumulator acc = withEveryInputAtOne();
      acc.add(0, inputName(f), 7);
      assertThat(finish(acc).app("temp").orElseThrow().values()).isNotEqualTo(baseline.values());
    }
  }

  private RoundAccumulator withEveryInputAtOne() {
    RoundAccumulator acc = new RoundAccumulator(temp);
    for (RowField f : RowField.values()) {
      acc.add(0, inputName(f), 1);
    }
    return acc;
  }

  private static String inputName(RowField f) {
    return f == RowField.BACKUP_REQUEST_QPS
        ? "replica*eon.replica*backup_request_qps@temp"
        : "replica*app.pegasus*" + f.counter() + "@2.0";
  }

  @Test
  void unknownTablesPartitionsAndCountersAreIgnored() {
    RoundAccumulator acc = new RoundAccumulator(temp);
    acc.add(0, "replica*app.pegasus*get_qps@9.0", 100); // unknown app
    acc.add(0, "replica*app.pegasus*get_qps@2.5", 100); // pidx out of range
    acc.add(0, "replica*app.pegasus*get_qps@2.-1", 100);
    acc.add(0, "replica*app.pegasus*get_latency@2.0", 100); // not an input
    acc.add(0, "replica*eon.replica*backup_request_qps@gone", 100); // unknown table
    acc.add(0, "replica*eon.replica_stub*replica(Count)", 100);
    assertThat(finish(acc).all().values().values().stream().allMatch(v -> v == 0)).isTrue();
  }

  @Test
  void partitionsWhosePrimaryIsNotScrapedCountZero() {
    ClusterLayout layout =
        new ClusterLayout(List.of(A), List.of(TableLayout.of(2, "temp", java.util.Arrays.asList(null, B))));
    RoundAccumulator acc = new RoundAccumulator(layout);
    acc.add(0, "replica*app.pegasus*get_qps@2.0", 100);
    acc.add(0, "replica*app.pegasus*get_qps@2.1", 100);
    assertThat(finish(acc).app("temp").orElseThrow().value(AppStatMetric.GET_QPS)).isEqualTo(0);
  }

  @Test
  void allSumsTheTablesAndRecomputesRatios() {
    String c = "10.0.0.3:34801";
    ClusterLayout two =
        new ClusterLayout(
            List.of(A, c),
            List.of(TableLayout.of(2, "temp", List.of(A)), TableLayout.of(1, "alpha", List.of(c))));
    RoundAccumulator acc = new RoundAccumulator(two);
    acc.add(0, "replica*app.pegasus*rdb.block_cache.hit_count@2.0", 1);
    acc.add(0, "replica*app.pegasus*rdb.block_cache.total_count@2.0", 1);
    acc.add(1, "replica*app.pegasus*rdb.block_cache.hit_count@1.0", 0);
    acc.add(1, "replica*app.pegasus*rdb.block_cache.total_count@1.0", 3);
    acc.add(0, "replica*app.pegasus*get_qps@2.0", 0.5);
    acc.add(1, "replica*app.pegasus*get_qps@1.0", 0.5);
    AppStatRound round = finish(acc);
    assertThat(round.apps().stream().map(AppStat::appName).toList())
        .containsExactly("alpha", "temp", "_all_")
        .inOrder();
    assertThat(round.all().value(AppStatMetric.RDB_BLOCK_CACHE_HIT_RATE)).isEqualTo(250000);
    assertThat(round.all().value(AppStatMetric.GET_QPS)).isEqualTo(1);
    assertThat(round.all().partitionCount()).isEqualTo(2);
  }

  @Test
  void theOrderOfArrivalDoesNotMatter() {
    List<String[]> readings = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      readings.add(new String[] {"0", "replica*eon.replica*backup_request_qps@temp", "0.1"});
      readings.add(new String[] {"1", "replica*eon.replica*backup_request_qps@temp", "0.3"});
    }
    RoundAccumulator forward = new RoundAccumulator(temp);
    RoundAccumulator backward = new RoundAccumulator(temp);
    for (int i = 0; i < readings.size(); i++) {
      String[] f = readings.get(i);
      String[] b = readings.get(readings.size() - 1 - i);
      forward.add(Integer.parseInt(f[0]), f[1], Double.parseDouble(f[2]));
      backward.add(Integer.parseInt(b[0]), b[1], Double.parseDouble(b[2]));
    }
    assertThat(finish(forward).all()).isEqualTo(finish(backward).all());
  }

  private long single(String c1, double v1, String c2, double v2, AppStatMetric metric) {
    RoundAccumulator acc = new RoundAccumulator(temp);
    acc.add(0, "replica*app.pegasus*" + c1 + "@2.0", v1);
    acc.add(0, "replica*app.pegasus*" + c2 + "@2.0", v2);
    return finish(acc).app("temp").orElseThrow().value(metric);
  }

  private static AppStatRound finish(RoundAccumulator acc) {
    return acc.finish(Instant.EPOCH, Duration.ZERO, List.of());
  }
}
