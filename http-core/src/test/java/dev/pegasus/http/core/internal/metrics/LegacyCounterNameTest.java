package dev.pegasus.http.core.internal.metrics;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of reference §7.3's table, and the algorithm's corners. */
class LegacyCounterNameTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      value = {
        // Reference §7.3, row by row.
        "replica*app.pegasus*get_qps@2.3 | replica_app_pegasus_get_qps | 2 | 3",
        "replica*app.pegasus*get_latency@2.3 | replica_app_pegasus_get_latency | 2 | 3",
        "replica*app.pegasus*get_latency@2.3.p999 | replica_app_pegasus_get_latencyp999 | 2 | 3",
        "replica*app.pegasus*disk.storage.sst(MB)@2.3 | replica_app_pegasus_disk_storage_sst_MB_ | 2 | 3",
        "replica*eon.replica*backup_request_qps@temp | replica_eon_replica_backup_request_qps | temp | ''",
        "replica*eon.replica*table.level.RPC_RRDB_RRDB_GET.latency(ns)@temp | replica_eon_replica_table_level_RPC_RRDB_RRDB_GET_latency_ns_ | temp | ''",
        "replica*eon.replica*table.level.RPC_RRDB_RRDB_GET.latency(ns)@temp.p999 | replica_eon_replica_table_level_RPC_RRDB_RRDB_GET_latency_ns_p999 | temp | ''",
        "replica*eon.replica_stub*replica(Count) | replica_eon_replica_stub_replica_Count_ | '' | ''",
        "replica*server*memused.res(MB) | replica_server_memused_res_MB_ | '' | ''",
        // A server-level percentile X / X.p999 (no @): mangle(X) / mangle(X)_p999.
        "replica*eon.replica_stub*rpc.latency | replica_eon_replica_stub_rpc_latency | '' | ''",
        "replica*eon.replica_stub*rpc.latency.p999 | replica_eon_replica_stub_rpc_latency_p999 | '' | ''",
        "collector*app.pegasus*app.stat.get_qps#temp | collector_app_pegasus_app_stat_get_qps:temp | '' | ''",
        "collector*app.pegasus*app.stat.get_qps#_all_ | collector_app_pegasus_app_stat_get_qps:_all_ | '' | ''",
        "collector*app.pegasus*app.stat.hotspots@temp.read.3 | collector_app_pegasus_app_stat_hotspots3 | temp | read",
        "collector*app.pegasus*app.stat.hotspots.temp.read.total | collector_app_pegasus_app_stat_hotspots_temp_read_total | '' | ''",
        "collector*app.pegasus*cluster.available.minute | collector_app_pegasus_cluster_available_minute | '' | ''",
        // split_args trims spaces and drops empty tokens, on '@' and on '.'.
        "replica*app.pegasus*get_qps @ 2 . 3 | replica_app_pegasus_get_qps | 2 | 3",
        "replica*app.pegasus*get_qps@@2..3. | replica_app_pegasus_get_qps | 2 | 3",
        "replica*app.pegasus*get_qps@ | replica_app_pegasus_get_qps | '' | ''",
        // Several '@': the first token names it, the last one gives app and partition.
        "a@x@2.3 | a | 2 | 3",
        // Nothing but @, # . * ( ) is replaced.
        "replica*app.pegasus*rdb.index_and_filter_blocks.memory_usage@1.0 | replica_app_pegasus_rdb_index_and_filter_blocks_memory_usage | 1 | 0",
      })
  void tableRow(String snapshotName, String metric, String app, String partition) {
    LegacyCounterName name = LegacyCounterName.of(snapshotName).orElseThrow();
    assertThat(name).isEqualTo(new LegacyCounterName(metric, app, partition));
    assertThat(name.isValidMetricName()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"replica*app.pegasus*get_qps@1.2.3.4", "x@a.b.c.d.e"})
  void moreThanThreePartsIsWhereUpstreamAborts(String snapshotName) {
    assertThat(LegacyCounterName.of(snapshotName)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "@", " @ @ "})
  void noTokenAtAllHasNoSeries(String snapshotName) {
    assertThat(LegacyCounterName.of(snapshotName)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // A '-' survives the mangling (upstream served it and broke the scrape); we leave it out.
        "replica*app.pegasus*recent.read-cu | replica_app_pegasus_recent_read-cu",
        "replica*eon.replica*table.level.x@my-table | replica_eon_replica_table_level_x",
        "meta*eon.meta_server*7days | meta_eon_meta_server_7days",
        "9meta*x*y | 9meta_x_y",
        "replica*app.pegasus*size(%) | replica_app_pegasus_size_%_",
      })
  void validity(String snapshotName, String metric) {
    LegacyCounterName name = LegacyCounterName.of(snapshotName).orElseThrow();
    assertThat(name.metricName()).isEqualTo(metric);
    assertThat(name.isValidMetricName()).isEqualTo(metric.matches("[a-zA-Z_:][a-zA-Z0-9_:]*"));
  }
}
