package dev.pegasus.http.collector;

import static com.google.common.truth.Truth.assertThat;

import dev.pegasus.http.collector.CounterNames.PartitionCounterName;
import dev.pegasus.http.collector.CounterNames.TableCounterName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pegasus 2.0's two counter-name parsers, quirks included, table-driven. */
final class CounterNamesTest {

  @ParameterizedTest(name = "{0} -> app {1}, pidx {2}, counter {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "replica*app.pegasus*get_qps@2.0|2|0|get_qps",
        "replica*app.pegasus*get_qps@12.345|12|345|get_qps",
        "replica*app.pegasus*disk.storage.sst(MB)@1.7|1|7|disk.storage.sst(MB)",
        "replica*eon.replica*recent.write.throttling.delay.count@3.1|3|1|recent.write.throttling.delay.count",
        // trailing text after the second number is ignored, as sscanf does
        "replica*app.pegasus*get_latency@2.0.p999|2|0|get_latency",
        // blanks before each number and signs are accepted, as %d does
        "replica*app.pegasus*get_qps@ 2. 3|2|3|get_qps",
        "replica*app.pegasus*get_qps@+2.-1|2|-1|get_qps",
        // the section is ignored: only the text between the last '*' and the last '@' counts
        "a*b*c*get_qps@1.1|1|1|get_qps",
        // the last '@' decides
        "replica*app.pegasus*x@y@4.5|4|5|x@y",
        // a '*' after the '@' makes C++'s substr length underflow: the rest is taken
        "replica*app.pegasus*get_qps@1.2*z|1|2|z",
      })
  void partitionCountersParse(String name, int appId, int pidx, String counter) {
    assertThat(CounterNames.parsePartition(name)).hasValue(new PartitionCounterName(appId, pidx, counter));
  }

  @ParameterizedTest(name = "{0} is not a partition counter")
  @CsvSource(
      delimiter = '|',
      value = {
        "replica*eon.replica*backup_request_qps@temp",
        "replica*app.pegasus*get_qps",
        "replica*app.pegasus*get_qps@2",
        "replica*app.pegasus*get_qps@2.",
        "replica*app.pegasus*get_qps@2 .0",
        "replica*app.pegasus*get_qps@.0",
        "replica*app.pegasus*get_qps@2147483648.0",
        "replica*app.pegasus*get_qps@1.99999999999",
        "get_qps@2.0",
        "replica*app.pegasus*get_qps@",
      })
  void nonPartitionCountersDoNotParse(String name) {
    assertThat(CounterNames.parsePartition(name)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> table {1}, counter {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "replica*eon.replica*backup_request_qps@temp|temp|backup_request_qps",
        "replica*app.pegasus*dup.time_lag_ms@stat|stat|dup.time_lag_ms",
        // a table name with a dot is cut at its last dot (that table is then unknown)
        "replica*eon.replica*backup_request_qps@my.table|my|backup_request_qps",
        // without any dot the whole rest is the table
        "replica*x*backup_request_qps@temp|temp|backup_request_qps",
        // without a '*' the counter is everything before the '@'
        "backup_request_qps@temp|temp|backup_request_qps",
      })
  void tableCountersParse(String name, String table, String counter) {
    assertThat(CounterNames.parseTable(name)).hasValue(new TableCounterName(table, counter));
  }

  @ParameterizedTest
  @CsvSource({"replica*eon.replica_stub*replica(Count)", "zion*profiler*RPC_RRDB_RRDB_GET.qps"})
  void namesWithoutAnAtAreNeither(String name) {
    assertThat(CounterNames.parsePartition(name)).isEmpty();
    assertThat(CounterNames.parseTable(name)).isEmpty();
  }
}
