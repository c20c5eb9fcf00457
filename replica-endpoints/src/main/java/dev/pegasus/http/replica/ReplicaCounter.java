package dev.pegasus.http.replica;

import static dev.pegasus.http.core.CounterType.NUMBER;
import static dev.pegasus.http.core.CounterType.NUMBER_PERCENTILES;
import static dev.pegasus.http.core.CounterType.RATE;
import static dev.pegasus.http.core.CounterType.VOLATILE_NUMBER;

import dev.pegasus.http.core.CounterType;
import dev.pegasus.http.replica.spi.Gpid;

/**
 * The per-partition counters of a Pegasus 2.0 replica server, named, typed and described as
 * upstream: {@code <app>*<section>*<name>@<app_id>.<pidx>}, e.g. {@code
 * replica*app.pegasus*get_qps@2.0} (a RATE). Every replica of a partition, primary or secondary,
 * has its own set on its server; the Collector reads only the primary's.
 */
public enum ReplicaCounter {
  GET_QPS(Sections.APP_PEGASUS, "get_qps", RATE, "statistic the qps of GET request"),
  MULTI_GET_QPS(Sections.APP_PEGASUS, "multi_get_qps", RATE, "statistic the qps of MULTI_GET request"),
  SCAN_QPS(Sections.APP_PEGASUS, "scan_qps", RATE, "statistic the qps of SCAN request"),
  GET_LATENCY(Sections.APP_PEGASUS, "get_latency", NUMBER_PERCENTILES, "statistic the latency of GET request"),
  MULTI_GET_LATENCY(
      Sections.APP_PEGASUS, "multi_get_latency", NUMBER_PERCENTILES, "statistic the latency of MULTI_GET request"),
  SCAN_LATENCY(Sections.APP_PEGASUS, "scan_latency", NUMBER_PERCENTILES, "statistic the latency of SCAN request"),
  RECENT_EXPIRE_COUNT(
      Sections.APP_PEGASUS, "recent.expire.count", VOLATILE_NUMBER, "statistic the recent expired value read count"),
  RECENT_FILTER_COUNT(
      Sections.APP_PEGASUS, "recent.filter.count", VOLATILE_NUMBER, "statistic the recent filtered value read count"),
  RECENT_ABNORMAL_COUNT(
      Sections.APP_PEGASUS, "recent.abnormal.count", VOLATILE_NUMBER, "statistic the recent abnormal read count"),
  SST_COUNT(Sections.APP_PEGASUS, "disk.storage.sst.count", NUMBER, "statistic the count of sstable files"),
  SST_MB(Sections.APP_PEGASUS, "disk.storage.sst(MB)", NUMBER, "statistic the size of sstable files"),
  BLOCK_CACHE_HIT_COUNT(
      Sections.APP_PEGASUS, "rdb.block_cache.hit_count", NUMBER, "statistic the hit count of rocksdb block cache"),
  BLOCK_CACHE_TOTAL_COUNT(
      Sections.APP_PEGASUS, "rdb.block_cache.total_count", NUMBER, "statistic the total count of rocksdb block cache"),
  INDEX_AND_FILTER_BLOCKS_MEMORY_USAGE(
      Sections.APP_PEGASUS,
      "rdb.index_and_filter_blocks.memory_usage",
      NUMBER,
      "statistic the memory usage of rocksdb index and filter blocks"),
  MEMTABLE_MEMORY_USAGE(
      Sections.APP_PEGASUS, "rdb.memtable.memory_usage", NUMBER, "statistic the memory usage of rocksdb memtable"),
  ESTIMATE_NUM_KEYS(
      Sections.APP_PEGASUS,
      "rdb.estimate_num_keys",
      NUMBER,
      "statistics the estimated number of keys inside the rocksdb"),
  BF_SEEK_NEGATIVES(
      Sections.APP_PEGASUS,
      "rdb.bf_seek_negatives",
      NUMBER,
      "statistics the number of times bloom filter was checked before creating iterator on a file and"
          + " useful in avoiding iterator creation (and thus likely IOPs)"),
  BF_SEEK_TOTAL(
      Sections.APP_PEGASUS,
      "rdb.bf_seek_total",
      NUMBER,
      "statistics the number of times bloom filter was checked before creating iterator on a file"),
  // The descriptions of the three point-lookup counters are shuffled upstream; kept as they are.
  BF_POINT_POSITIVE_TRUE(
      Sections.APP_PEGASUS,
      "rdb.bf_point_positive_true",
      NUMBER,
      "statistics the number of times bloom filter has avoided file reads, i.e., negatives"),
  BF_POINT_POSITIVE_TOTAL(
      Sections.APP_PEGASUS,
      "rdb.bf_point_positive_total",
      NUMBER,
      "statistics the number of times bloom FullFilter has not avoided the reads"),
  BF_POINT_NEGATIVES(
      Sections.APP_PEGASUS,
      "rdb.bf_point_negatives",
      NUMBER,
      "statistics the number of times bloom FullFilter has not avoided the reads and data actually exist"),
  PUT_QPS(Sections.APP_PEGASUS, "put_qps", RATE, "statistic the qps of PUT request"),
  MULTI_PUT_QPS(Sections.APP_PEGASUS, "multi_put_qps", RATE, "statistic the qps of MULTI_PUT request"),
  REMOVE_QPS(Sections.APP_PEGASUS, "remove_qps", RATE, "statistic the qps of REMOVE request"),
  MULTI_REMOVE_QPS(Sections.APP_PEGASUS, "multi_remove_qps", RATE, "statistic the qps of MULTI_REMOVE request"),
  INCR_QPS(Sections.APP_PEGASUS, "incr_qps", RATE, "statistic the qps of INCR request"),
  CHECK_AND_SET_QPS(Sections.APP_PEGASUS, "check_and_set_qps", RATE, "statistic the qps of CHECK_AND_SET request"),
  CHECK_AND_MUTATE_QPS(
      Sections.APP_PEGASUS, "check_and_mutate_qps", RATE, "statistic the qps of CHECK_AND_MUTATE request"),
  PUT_LATENCY(Sections.APP_PEGASUS, "put_latency", NUMBER_PERCENTILES, "statistic the latency of PUT request"),
  MULTI_PUT_LATENCY(
      Sections.APP_PEGASUS, "multi_put_latency", NUMBER_PERCENTILES, "statistic the latency of MULTI_PUT request"),
  REMOVE_LATENCY(Sections.APP_PEGASUS, "remove_latency", NUMBER_PERCENTILES, "statistic the latency of REMOVE request"),
  MULTI_REMOVE_LATENCY(
      Sections.APP_PEGASUS,
      "multi_remove_latency",
      NUMBER_PERCENTILES,
      "statistic the latency of MULTI_REMOVE request"),
  INCR_LATENCY(Sections.APP_PEGASUS, "incr_latency", NUMBER_PERCENTILES, "statistic the latency of INCR request"),
  CHECK_AND_SET_LATENCY(
      Sections.APP_PEGASUS,
      "check_and_set_latency",
      NUMBER_PERCENTILES,
      "statistic the latency of CHECK_AND_SET request"),
  CHECK_AND_MUTATE_LATENCY(
      Sections.APP_PEGASUS,
      "check_and_mutate_latency",
      NUMBER_PERCENTILES,
      "statistic the latency of CHECK_AND_MUTATE request"),
  DUPLICATE_QPS(Sections.APP_PEGASUS, "duplicate_qps", RATE, "statistic the qps of DUPLICATE requests"),
  DUP_SHIPPED_OPS(
      Sections.APP_PEGASUS, "dup_shipped_ops", RATE, "the total ops of DUPLICATE requests sent from this app"),
  DUP_FAILED_SHIPPING_OPS(
      Sections.APP_PEGASUS,
      "dup_failed_shipping_ops",
      RATE,
      "the qps of failed DUPLICATE requests sent from this app"),
  RECENT_READ_CU(Sections.APP_PEGASUS, "recent.read.cu", VOLATILE_NUMBER, "statistic the recent read capacity units"),
  RECENT_WRITE_CU(
      Sections.APP_PEGASUS, "recent.write.cu", VOLATILE_NUMBER, "statistic the recent write capacity units"),
  GET_BYTES(Sections.APP_PEGASUS, "get_bytes", RATE, "statistic the get bytes"),
  MULTI_GET_BYTES(Sections.APP_PEGASUS, "multi_get_bytes", RATE, "statistic the multi get bytes"),
  SCAN_BYTES(Sections.APP_PEGASUS, "scan_bytes", RATE, "statistic the scan bytes"),
  PUT_BYTES(Sections.APP_PEGASUS, "put_bytes", RATE, "statistic the put bytes"),
  MULTI_PUT_BYTES(Sections.APP_PEGASUS, "multi_put_bytes", RATE, "statistic the multi put bytes"),
  CHECK_AND_SET_BYTES(Sections.APP_PEGASUS, "check_and_set_bytes", RATE, "statistic the check and set bytes"),
  CHECK_AND_MUTATE_BYTES(Sections.APP_PEGASUS, "check_and_mutate_bytes", RATE, "statistic the check and mutate bytes"),
  // rDSN's own replica counters: their description is the name with its @gpid suffix.
  RECENT_WRITE_THROTTLING_DELAY_COUNT(Sections.EON_REPLICA, "recent.write.throttling.delay.count", VOLATILE_NUMBER, null),
  RECENT_WRITE_THROTTLING_REJECT_COUNT(Sections.EON_REPLICA, "recent.write.throttling.reject.count", VOLATILE_NUMBER, null),
  PRIVATE_LOG_SIZE_MB(Sections.EON_REPLICA, "private.log.size(MB)", NUMBER, null);

  /** The section of Pegasus's storage-engine counters. */
  public static final String APP_PEGASUS = Sections.APP_PEGASUS;
  /** The section of rDSN's replica counters. */
  public static final String EON_REPLICA = Sections.EON_REPLICA;

  private final String section;
  private final String counterName;
  private final CounterType type;
  private final String description;

  ReplicaCounter(String section, String counterName, CounterType type, String description) {
    this.section = section;
    this.counterName = counterName;
    this.type = type;
    this.description = description;
  }

  public String section() {
    return section;
  }

  /** The name without its {@code @gpid} suffix, e.g. {@code get_qps}. */
  public String counterName() {
    return counterName;
  }

  public CounterType type() {
    return type;
  }

  /** The name part for one partition, e.g. {@code get_qps@2.0}. */
  public String nameFor(Gpid gpid) {
    return counterName + '@' + gpid;
  }

  /** The full name for one partition on a server whose counters use {@code app}. */
  public String fullName(String app, Gpid gpid) {
    return app + '*' + section + '*' + nameFor(gpid);
  }

  /** The description upstream gives this counter for one partition. */
  public String descriptionFor(Gpid gpid) {
    return description != null ? description : nameFor(gpid);
  }

  // Enum constants cannot name the enum's own static fields, so the sections live here.
  private static final class Sections {
    static final String APP_PEGASUS = "app.pegasus";
    static final String EON_REPLICA = "eon.replica";
  }
}
