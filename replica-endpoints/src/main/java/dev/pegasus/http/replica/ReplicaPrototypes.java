package dev.pegasus.http.replica;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Maps;
import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.metrics.MetricUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics of a replica server as Pegasus master defines them (reference §2.9): names, kinds,
 * units and master's descriptions, for the {@code replica} entity of each hosted partition, the
 * {@code server} entity and the {@code disk} entities. Each {@link ReplicaCounter} has a twin
 * here that measures the same thing ({@link #twinOf}): {@code get_qps} (a RATE) and {@code
 * get_requests} (a Counter), {@code recent.read.cu} and {@code read_capacity_units}, {@code
 * disk.storage.sst(MB)} and {@code rdb_total_sst_size_mb}, … as master's shell pairs them;
 * {@link PartitionStats} updates both with one call.
 */
public final class ReplicaPrototypes {

  /** The entity type of a hosted partition's metrics ({@code replica@<app_id>.<pidx>}). */
  public static final String REPLICA = "replica";
  /** The entity type of a data directory's metrics ({@code disk@<tag>}). */
  public static final String DISK = "disk";

  private static final String SERVER = MetricRegistry.SERVER;

  /** The number of GET requests (perf counter twin: {@link ReplicaCounter#GET_QPS}). */
  public static final MetricPrototype GET_REQUESTS =
      MetricPrototype.counter(REPLICA, "get_requests", MetricUnit.REQUESTS,
          "The number of GET requests");
  /** The number of MULTI_GET requests (perf counter twin: {@link ReplicaCounter#MULTI_GET_QPS}). */
  public static final MetricPrototype MULTI_GET_REQUESTS =
      MetricPrototype.counter(REPLICA, "multi_get_requests", MetricUnit.REQUESTS,
          "The number of MULTI_GET requests");
  /** The number of SCAN requests (perf counter twin: {@link ReplicaCounter#SCAN_QPS}). */
  public static final MetricPrototype SCAN_REQUESTS =
      MetricPrototype.counter(REPLICA, "scan_requests", MetricUnit.REQUESTS,
          "The number of SCAN requests");
  /** The number of PUT requests (perf counter twin: {@link ReplicaCounter#PUT_QPS}). */
  public static final MetricPrototype PUT_REQUESTS =
      MetricPrototype.counter(REPLICA, "put_requests", MetricUnit.REQUESTS,
          "The number of PUT requests");
  /** The number of MULTI_PUT requests (perf counter twin: {@link ReplicaCounter#MULTI_PUT_QPS}). */
  public static final MetricPrototype MULTI_PUT_REQUESTS =
      MetricPrototype.counter(REPLICA, "multi_put_requests", MetricUnit.REQUESTS,
          "The number of MULTI_PUT requests");
  /** The number of REMOVE requests (perf counter twin: {@link ReplicaCounter#REMOVE_QPS}). */
  public static final MetricPrototype REMOVE_REQUESTS =
      MetricPrototype.counter(REPLICA, "remove_requests", MetricUnit.REQUESTS,
          "The number of REMOVE requests");
  /** The number of MULTI_REMOVE requests (perf counter twin: {@link ReplicaCounter#MULTI_REMOVE_QPS}). */
  public static final MetricPrototype MULTI_REMOVE_REQUESTS =
      MetricPrototype.counter(REPLICA, "multi_remove_requests", MetricUnit.REQUESTS,
          "The number of MULTI_REMOVE requests");
  /** The number of INCR requests (perf counter twin: {@link ReplicaCounter#INCR_QPS}). */
  public static final MetricPrototype INCR_REQUESTS =
      MetricPrototype.counter(REPLICA, "incr_requests", MetricUnit.REQUESTS,
          "The number of INCR requests");
  /** The number of CHECK_AND_SET requests (perf counter twin: {@link ReplicaCounter#CHECK_AND_SET_QPS}). */
  public static final MetricPrototype CHECK_AND_SET_REQUESTS =
      MetricPrototype.counter(REPLICA, "check_and_set_requests", MetricUnit.REQUESTS,
          "The number of CHECK_AND_SET requests");
  /** The number of CHECK_AND_MUTATE requests (perf counter twin: {@link ReplicaCounter#CHECK_AND_MUTATE_QPS}). */
  public static final MetricPrototype CHECK_AND_MUTATE_REQUESTS =
      MetricPrototype.counter(REPLICA, "check_and_mutate_requests", MetricUnit.REQUESTS,
          "The number of CHECK_AND_MUTATE requests");
  /** The number of DUPLICATE requests (perf counter twin: {@link ReplicaCounter#DUPLICATE_QPS}). */
  public static final MetricPrototype DUP_REQUESTS =
      MetricPrototype.counter(REPLICA, "dup_requests", MetricUnit.REQUESTS,
          "The number of DUPLICATE requests");
  /** The number of successful DUPLICATE requests sent from client (perf counter twin: {@link ReplicaCounter#DUP_SHIPPED_OPS}). */
  public static final MetricPrototype DUP_SHIPPED_SUCCESSFUL_REQUESTS =
      MetricPrototype.counter(REPLICA, "dup_shipped_successful_requests", MetricUnit.REQUESTS,
          "The number of successful DUPLICATE requests sent from client");
  /** The number of failed DUPLICATE requests sent from client (perf counter twin: {@link ReplicaCounter#DUP_FAILED_SHIPPING_OPS}). */
  public static final MetricPrototype DUP_SHIPPED_FAILED_REQUESTS =
      MetricPrototype.counter(REPLICA, "dup_shipped_failed_requests", MetricUnit.REQUESTS,
          "The number of failed DUPLICATE requests sent from client");
  /** The number of bytes for GET requests (perf counter twin: {@link ReplicaCounter#GET_BYTES}). */
  public static final MetricPrototype GET_BYTES =
      MetricPrototype.counter(REPLICA, "get_bytes", MetricUnit.BYTES,
          "The number of bytes for GET requests");
  /** The number of bytes for MULTI_GET requests (perf counter twin: {@link ReplicaCounter#MULTI_GET_BYTES}). */
  public static final MetricPrototype MULTI_GET_BYTES =
      MetricPrototype.counter(REPLICA, "multi_get_bytes", MetricUnit.BYTES,
          "The number of bytes for MULTI_GET requests");
  /** The number of bytes for SCAN requests (perf counter twin: {@link ReplicaCounter#SCAN_BYTES}). */
  public static final MetricPrototype SCAN_BYTES =
      MetricPrototype.counter(REPLICA, "scan_bytes", MetricUnit.BYTES,
          "The number of bytes for SCAN requests");
  /** The number of bytes for PUT requests (perf counter twin: {@link ReplicaCounter#PUT_BYTES}). */
  public static final MetricPrototype PUT_BYTES =
      MetricPrototype.counter(REPLICA, "put_bytes", MetricUnit.BYTES,
          "The number of bytes for PUT requests");
  /** The number of bytes for MULTI_PUT requests (perf counter twin: {@link ReplicaCounter#MULTI_PUT_BYTES}). */
  public static final MetricPrototype MULTI_PUT_BYTES =
      MetricPrototype.counter(REPLICA, "multi_put_bytes", MetricUnit.BYTES,
          "The number of bytes for MULTI_PUT requests");
  /** The number of bytes for CHECK_AND_SET requests (perf counter twin: {@link ReplicaCounter#CHECK_AND_SET_BYTES}). */
  public static final MetricPrototype CHECK_AND_SET_BYTES =
      MetricPrototype.counter(REPLICA, "check_and_set_bytes", MetricUnit.BYTES,
          "The number of bytes for CHECK_AND_SET requests");
  /** The number of bytes for CHECK_AND_MUTATE requests (perf counter twin: {@link ReplicaCounter#CHECK_AND_MUTATE_BYTES}). */
  public static final MetricPrototype CHECK_AND_MUTATE_BYTES =
      MetricPrototype.counter(REPLICA, "check_and_mutate_bytes", MetricUnit.BYTES,
          "The number of bytes for CHECK_AND_MUTATE requests");
  /** The number of capacity units for read requests (perf counter twin: {@link ReplicaCounter#RECENT_READ_CU}). */
  public static final MetricPrototype READ_CAPACITY_UNITS =
      MetricPrototype.counter(REPLICA, "read_capacity_units", MetricUnit.CAPACITY_UNITS,
          "The number of capacity units for read requests");
  /** The number of capacity units for write requests (perf counter twin: {@link ReplicaCounter#RECENT_WRITE_CU}). */
  public static final MetricPrototype WRITE_CAPACITY_UNITS =
      MetricPrototype.counter(REPLICA, "write_capacity_units", MetricUnit.CAPACITY_UNITS,
          "The number of capacity units for write requests");
  /** The number of expired values read (perf counter twin: {@link ReplicaCounter#RECENT_EXPIRE_COUNT}). */
  public static final MetricPrototype READ_EXPIRED_VALUES =
      MetricPrototype.counter(REPLICA, "read_expired_values", MetricUnit.VALUES,
          "The number of expired values read");
  /** The number of filtered values read (perf counter twin: {@link ReplicaCounter#RECENT_FILTER_COUNT}). */
  public static final MetricPrototype READ_FILTERED_VALUES =
      MetricPrototype.counter(REPLICA, "read_filtered_values", MetricUnit.VALUES,
          "The number of filtered values read");
  /** The number of abnormal read requests (perf counter twin: {@link ReplicaCounter#RECENT_ABNORMAL_COUNT}). */
  public static final MetricPrototype ABNORMAL_READ_REQUESTS =
      MetricPrototype.counter(REPLICA, "abnormal_read_requests", MetricUnit.REQUESTS,
          "The number of abnormal read requests");
  /** The number of delayed write requests by throttling (perf counter twin: {@link ReplicaCounter#RECENT_WRITE_THROTTLING_DELAY_COUNT}). */
  public static final MetricPrototype THROTTLING_DELAYED_WRITE_REQUESTS =
      MetricPrototype.counter(REPLICA, "throttling_delayed_write_requests", MetricUnit.REQUESTS,
          "The number of delayed write requests by throttling");
  /** The number of rejected write requests by throttling (perf counter twin: {@link ReplicaCounter#RECENT_WRITE_THROTTLING_REJECT_COUNT}). */
  public static final MetricPrototype THROTTLING_REJECTED_WRITE_REQUESTS =
      MetricPrototype.counter(REPLICA, "throttling_rejected_write_requests", MetricUnit.REQUESTS,
          "The number of rejected write requests by throttling");
  /** The latency of GET requests (perf counter twin: {@link ReplicaCounter#GET_LATENCY}). */
  public static final MetricPrototype GET_LATENCY_NS =
      MetricPrototype.percentile(REPLICA, "get_latency_ns", MetricUnit.NANOSECONDS,
          "The latency of GET requests");
  /** The latency of MULTI_GET requests (perf counter twin: {@link ReplicaCounter#MULTI_GET_LATENCY}). */
  public static final MetricPrototype MULTI_GET_LATENCY_NS =
      MetricPrototype.percentile(REPLICA, "multi_get_latency_ns", MetricUnit.NANOSECONDS,
          "The latency of MULTI_GET requests");
  /** The latency of SCAN requests (perf counter twin: {@link ReplicaCounter#SCAN_LATENCY}). */
  public static final MetricPrototype SCAN_LATENCY_NS =
      MetricPrototype.percentile(REPLICA, "scan_latency_ns", MetricUnit.NANOSECONDS,
          "The latency of SCAN requests");
  /** The latency of PUT requests (perf counter twin: {@link ReplicaCounter#PUT_LATENCY}). */
  public static final MetricPrototype PUT_LATENCY_NS =
      MetricPrototype.percentile(REPLICA, "put_latency_ns", MetricUnit.NANOSECONDS,
          "The latency of PUT requests");
  /** The latency of MULTI_PUT requests (perf counter twin: {@link ReplicaCounter#MULTI_PUT_LATENCY}). */
  public static final MetricPrototype MULTI_PUT_LATENCY_NS =
      MetricPrototype.percentile(REPLICA, "multi_put_latency_ns", MetricUnit.NANOSECONDS,
          "The latency of MULTI_PUT requests");
  /** The latency of REMOVE requests (perf counter twin: {@link ReplicaCounter#REMOVE_LATENCY}). */
  public static final MetricPrototype REMOVE_LATENCY_NS =
      MetricPrototype.percentile(REPLICA, "remove_latency_ns", MetricUnit.NANOSECONDS,
          "The latency of REMOVE requests");
  /** The latency of MULTI_REMOVE requests (perf counter twin: {@link ReplicaCounter#MULTI_REMOVE_LATENCY}). */
  public static final MetricPrototype MULTI_REMOVE_LATENCY_NS =
      MetricPrototype.percentile(REPLICA, "multi_remove_latency_ns", MetricUnit.NANOSECONDS,
          "The latency of MULTI_REMOVE requests");
  /** The latency of INCR requests (perf counter twin: {@link ReplicaCounter#INCR_LATENCY}). */
  public static final MetricPrototype INCR_LATENCY_NS =
      MetricPrototype.percentile(REPLICA, "incr_latency_ns", MetricUnit.NANOSECONDS,
          "The latency of INCR requests");
  /** The latency of CHECK_AND_SET requests (perf counter twin: {@link ReplicaCounter#CHECK_AND_SET_LATENCY}). */
  public static final MetricPrototype CHECK_AND_SET_LATENCY_NS =
      MetricPrototype.percentile(REPLICA, "check_and_set_latency_ns", MetricUnit.NANOSECONDS,
          "The latency of CHECK_AND_SET requests");
  /** The latency of CHECK_AND_MUTATE requests (perf counter twin: {@link ReplicaCounter#CHECK_AND_MUTATE_LATENCY}). */
  public static final MetricPrototype CHECK_AND_MUTATE_LATENCY_NS =
      MetricPrototype.percentile(REPLICA, "check_and_mutate_latency_ns", MetricUnit.NANOSECONDS,
          "The latency of CHECK_AND_MUTATE requests");
  /** The total number of rocksdb sst files (perf counter twin: {@link ReplicaCounter#SST_COUNT}). */
  public static final MetricPrototype RDB_TOTAL_SST_FILES =
      MetricPrototype.gauge(REPLICA, "rdb_total_sst_files", MetricUnit.FILES,
          "The total number of rocksdb sst files");
  /** The total size of rocksdb sst files (perf counter twin: {@link ReplicaCounter#SST_MB}). */
  public static final MetricPrototype RDB_TOTAL_SST_SIZE_MB =
      MetricPrototype.gauge(REPLICA, "rdb_total_sst_size_mb", MetricUnit.MEGABYTES,
          "The total size of rocksdb sst files");
  /** The estimated number of rocksdb keys (perf counter twin: {@link ReplicaCounter#ESTIMATE_NUM_KEYS}). */
  public static final MetricPrototype RDB_ESTIMATED_KEYS =
      MetricPrototype.gauge(REPLICA, "rdb_estimated_keys", MetricUnit.KEYS,
          "The estimated number of rocksdb keys");
  /** The memory usage of rocksdb index and filter blocks (perf counter twin: {@link ReplicaCounter#INDEX_AND_FILTER_BLOCKS_MEMORY_USAGE}). */
  public static final MetricPrototype RDB_INDEX_AND_FILTER_BLOCKS_MEM_USAGE_BYTES =
      MetricPrototype.gauge(REPLICA, "rdb_index_and_filter_blocks_mem_usage_bytes", MetricUnit.BYTES,
          "The memory usage of rocksdb index and filter blocks");
  /** The memory usage of rocksdb memtables (perf counter twin: {@link ReplicaCounter#MEMTABLE_MEMORY_USAGE}). */
  public static final MetricPrototype RDB_MEMTABLE_MEM_USAGE_BYTES =
      MetricPrototype.gauge(REPLICA, "rdb_memtable_mem_usage_bytes", MetricUnit.BYTES,
          "The memory usage of rocksdb memtables");
  /** The hit number of lookups on rocksdb block cache (perf counter twin: {@link ReplicaCounter#BLOCK_CACHE_HIT_COUNT}). */
  public static final MetricPrototype RDB_BLOCK_CACHE_HIT_COUNT =
      MetricPrototype.gauge(REPLICA, "rdb_block_cache_hit_count", MetricUnit.POINT_LOOKUPS,
          "The hit number of lookups on rocksdb block cache");
  /** The total number of lookups on rocksdb block cache (perf counter twin: {@link ReplicaCounter#BLOCK_CACHE_TOTAL_COUNT}). */
  public static final MetricPrototype RDB_BLOCK_CACHE_TOTAL_COUNT =
      MetricPrototype.gauge(REPLICA, "rdb_block_cache_total_count", MetricUnit.POINT_LOOKUPS,
          "The total number of lookups on rocksdb block cache");
  /** The number of times the check for prefix bloom filter was useful in avoiding iterator creation (and thus likely IOPs), used by rocksdb for each replica (perf counter twin: {@link ReplicaCounter#BF_SEEK_NEGATIVES}). */
  public static final MetricPrototype RDB_BLOOM_FILTER_SEEK_NEGATIVES =
      MetricPrototype.gauge(REPLICA, "rdb_bloom_filter_seek_negatives", MetricUnit.SEEKS,
          "The number of times the check for prefix bloom filter was useful in avoiding iterator creation (and thus likely IOPs), used by rocksdb for each replica");
  /** The number of times prefix bloom filter was checked before creating iterator on a file, used by rocksdb (perf counter twin: {@link ReplicaCounter#BF_SEEK_TOTAL}). */
  public static final MetricPrototype RDB_BLOOM_FILTER_SEEK_TOTAL =
      MetricPrototype.gauge(REPLICA, "rdb_bloom_filter_seek_total", MetricUnit.SEEKS,
          "The number of times prefix bloom filter was checked before creating iterator on a file, used by rocksdb");
  /** The number of times full bloom filter has avoided file reads (i.e., negatives), used by rocksdb (perf counter twin: {@link ReplicaCounter#BF_POINT_NEGATIVES}). */
  public static final MetricPrototype RDB_BLOOM_FILTER_POINT_LOOKUP_NEGATIVES =
      MetricPrototype.gauge(REPLICA, "rdb_bloom_filter_point_lookup_negatives", MetricUnit.POINT_LOOKUPS,
          "The number of times full bloom filter has avoided file reads (i.e., negatives), used by rocksdb");
  /** The number of times full bloom filter has not avoided the reads, used by rocksdb (perf counter twin: {@link ReplicaCounter#BF_POINT_POSITIVE_TOTAL}). */
  public static final MetricPrototype RDB_BLOOM_FILTER_POINT_LOOKUP_POSITIVES =
      MetricPrototype.gauge(REPLICA, "rdb_bloom_filter_point_lookup_positives", MetricUnit.POINT_LOOKUPS,
          "The number of times full bloom filter has not avoided the reads, used by rocksdb");
  /** The number of times full bloom filter has not avoided the reads and data actually exist, used by rocksdb (perf counter twin: {@link ReplicaCounter#BF_POINT_POSITIVE_TRUE}). */
  public static final MetricPrototype RDB_BLOOM_FILTER_POINT_LOOKUP_TRUE_POSITIVES =
      MetricPrototype.gauge(REPLICA, "rdb_bloom_filter_point_lookup_true_positives", MetricUnit.POINT_LOOKUPS,
          "The number of times full bloom filter has not avoided the reads and data actually exist, used by rocksdb");
  /** The size of private log in MB (perf counter twin: {@link ReplicaCounter#PRIVATE_LOG_SIZE_MB}). */
  public static final MetricPrototype PRIVATE_LOG_SIZE_MB =
      MetricPrototype.gauge(REPLICA, "private_log_size_mb", MetricUnit.MEGABYTES,
          "The size of private log in MB");
  /** The number of backup requests. */
  public static final MetricPrototype BACKUP_REQUESTS =
      MetricPrototype.counter(REPLICA, "backup_requests", MetricUnit.REQUESTS,
          "The number of backup requests");

  /** The total number of replicas. */
  public static final MetricPrototype TOTAL_REPLICAS =
      MetricPrototype.gauge(SERVER, "total_replicas", MetricUnit.REPLICAS, "The total number of replicas");
  public static final MetricPrototype OPENING_REPLICAS =
      MetricPrototype.gauge(SERVER, "opening_replicas", MetricUnit.REPLICAS, "The number of opening replicas");
  public static final MetricPrototype CLOSING_REPLICAS =
      MetricPrototype.gauge(SERVER, "closing_replicas", MetricUnit.REPLICAS, "The number of closing replicas");
  public static final MetricPrototype INACTIVE_REPLICAS =
      MetricPrototype.gauge(SERVER, "inactive_replicas", MetricUnit.REPLICAS, "The number of inactive replicas");
  public static final MetricPrototype ERROR_REPLICAS =
      MetricPrototype.gauge(SERVER, "error_replicas", MetricUnit.REPLICAS, "The number of replicas with errors");
  public static final MetricPrototype PRIMARY_REPLICAS =
      MetricPrototype.gauge(SERVER, "primary_replicas", MetricUnit.REPLICAS, "The number of primary replicas");
  public static final MetricPrototype SECONDARY_REPLICAS =
      MetricPrototype.gauge(SERVER, "secondary_replicas", MetricUnit.REPLICAS, "The number of secondary replicas");
  public static final MetricPrototype LEARNING_REPLICAS =
      MetricPrototype.gauge(SERVER, "learning_replicas", MetricUnit.REPLICAS, "The number of learning replicas");
  public static final MetricPrototype SPLITTING_REPLICAS =
      MetricPrototype.gauge(
          SERVER, "splitting_replicas", MetricUnit.REPLICAS, "The number of current splitting replicas");

  /** The total capacity of a data directory's disk. */
  public static final MetricPrototype DISK_CAPACITY_TOTAL_MB =
      MetricPrototype.gauge(DISK, "disk_capacity_total_mb", MetricUnit.MEGABYTES, "The total disk capacity");
  /** The capacity still available to this process on a data directory's disk. */
  public static final MetricPrototype DISK_CAPACITY_AVAIL_MB =
      MetricPrototype.gauge(DISK, "disk_capacity_avail_mb", MetricUnit.MEGABYTES, "The available disk capacity");

  private static final Map<ReplicaCounter, MetricPrototype> TWINS = twins();

  /** Every metric a replica entity gets when it is created: the perf counters' twins, then the rest. */
  static final ImmutableList<MetricPrototype> REPLICA_METRICS =
      ImmutableList.<MetricPrototype>builder().addAll(TWINS.values()).add(BACKUP_REQUESTS).build();

  private ReplicaPrototypes() {}

  private static Map<ReplicaCounter, MetricPrototype> twins() {
    EnumMap<ReplicaCounter, MetricPrototype> m = new EnumMap<>(ReplicaCounter.class);
    m.put(ReplicaCounter.GET_QPS, GET_REQUESTS);
    m.put(ReplicaCounter.MULTI_GET_QPS, MULTI_GET_REQUESTS);
    m.put(ReplicaCounter.SCAN_QPS, SCAN_REQUESTS);
    m.put(ReplicaCounter.PUT_QPS, PUT_REQUESTS);
    m.put(ReplicaCounter.MULTI_PUT_QPS, MULTI_PUT_REQUESTS);
    m.put(ReplicaCounter.REMOVE_QPS, REMOVE_REQUESTS);
    m.put(ReplicaCounter.MULTI_REMOVE_QPS, MULTI_REMOVE_REQUESTS);
    m.put(ReplicaCounter.INCR_QPS, INCR_REQUESTS);
    m.put(ReplicaCounter.CHECK_AND_SET_QPS, CHECK_AND_SET_REQUESTS);
    m.put(ReplicaCounter.CHECK_AND_MUTATE_QPS, CHECK_AND_MUTATE_REQUESTS);
    m.put(ReplicaCounter.DUPLICATE_QPS, DUP_REQUESTS);
    m.put(ReplicaCounter.DUP_SHIPPED_OPS, DUP_SHIPPED_SUCCESSFUL_REQUESTS);
    m.put(ReplicaCounter.DUP_FAILED_SHIPPING_OPS, DUP_SHIPPED_FAILED_REQUESTS);
    m.put(ReplicaCounter.GET_BYTES, GET_BYTES);
    m.put(ReplicaCounter.MULTI_GET_BYTES, MULTI_GET_BYTES);
    m.put(ReplicaCounter.SCAN_BYTES, SCAN_BYTES);
    m.put(ReplicaCounter.PUT_BYTES, PUT_BYTES);
    m.put(ReplicaCounter.MULTI_PUT_BYTES, MULTI_PUT_BYTES);
    m.put(ReplicaCounter.CHECK_AND_SET_BYTES, CHECK_AND_SET_BYTES);
    m.put(ReplicaCounter.CHECK_AND_MUTATE_BYTES, CHECK_AND_MUTATE_BYTES);
    m.put(ReplicaCounter.RECENT_READ_CU, READ_CAPACITY_UNITS);
    m.put(ReplicaCounter.RECENT_WRITE_CU, WRITE_CAPACITY_UNITS);
    m.put(ReplicaCounter.RECENT_EXPIRE_COUNT, READ_EXPIRED_VALUES);
    m.put(ReplicaCounter.RECENT_FILTER_COUNT, READ_FILTERED_VALUES);
    m.put(ReplicaCounter.RECENT_ABNORMAL_COUNT, ABNORMAL_READ_REQUESTS);
    m.put(ReplicaCounter.RECENT_WRITE_THROTTLING_DELAY_COUNT, THROTTLING_DELAYED_WRITE_REQUESTS);
    m.put(ReplicaCounter.RECENT_WRITE_THROTTLING_REJECT_COUNT, THROTTLING_REJECTED_WRITE_REQUESTS);
    m.put(ReplicaCounter.GET_LATENCY, GET_LATENCY_NS);
    m.put(ReplicaCounter.MULTI_GET_LATENCY, MULTI_GET_LATENCY_NS);
    m.put(ReplicaCounter.SCAN_LATENCY, SCAN_LATENCY_NS);
    m.put(ReplicaCounter.PUT_LATENCY, PUT_LATENCY_NS);
    m.put(ReplicaCounter.MULTI_PUT_LATENCY, MULTI_PUT_LATENCY_NS);
    m.put(ReplicaCounter.REMOVE_LATENCY, REMOVE_LATENCY_NS);
    m.put(ReplicaCounter.MULTI_REMOVE_LATENCY, MULTI_REMOVE_LATENCY_NS);
    m.put(ReplicaCounter.INCR_LATENCY, INCR_LATENCY_NS);
    m.put(ReplicaCounter.CHECK_AND_SET_LATENCY, CHECK_AND_SET_LATENCY_NS);
    m.put(ReplicaCounter.CHECK_AND_MUTATE_LATENCY, CHECK_AND_MUTATE_LATENCY_NS);
    m.put(ReplicaCounter.SST_COUNT, RDB_TOTAL_SST_FILES);
    m.put(ReplicaCounter.SST_MB, RDB_TOTAL_SST_SIZE_MB);
    m.put(ReplicaCounter.ESTIMATE_NUM_KEYS, RDB_ESTIMATED_KEYS);
    m.put(ReplicaCounter.INDEX_AND_FILTER_BLOCKS_MEMORY_USAGE, RDB_INDEX_AND_FILTER_BLOCKS_MEM_USAGE_BYTES);
    m.put(ReplicaCounter.MEMTABLE_MEMORY_USAGE, RDB_MEMTABLE_MEM_USAGE_BYTES);
    m.put(ReplicaCounter.BLOCK_CACHE_HIT_COUNT, RDB_BLOCK_CACHE_HIT_COUNT);
    m.put(ReplicaCounter.BLOCK_CACHE_TOTAL_COUNT, RDB_BLOCK_CACHE_TOTAL_COUNT);
    m.put(ReplicaCounter.BF_SEEK_NEGATIVES, RDB_BLOOM_FILTER_SEEK_NEGATIVES);
    m.put(ReplicaCounter.BF_SEEK_TOTAL, RDB_BLOOM_FILTER_SEEK_TOTAL);
    m.put(ReplicaCounter.BF_POINT_NEGATIVES, RDB_BLOOM_FILTER_POINT_LOOKUP_NEGATIVES);
    m.put(ReplicaCounter.BF_POINT_POSITIVE_TOTAL, RDB_BLOOM_FILTER_POINT_LOOKUP_POSITIVES);
    m.put(ReplicaCounter.BF_POINT_POSITIVE_TRUE, RDB_BLOOM_FILTER_POINT_LOOKUP_TRUE_POSITIVES);
    m.put(ReplicaCounter.PRIVATE_LOG_SIZE_MB, PRIVATE_LOG_SIZE_MB);
    checkArgument(m.size() == ReplicaCounter.values().length, "a perf counter without a twin metric");
    return Maps.immutableEnumMap(m);
  }

  /** The master metric that measures what this perf counter measures. */
  public static MetricPrototype twinOf(ReplicaCounter counter) {
    return TWINS.get(counter);
  }

  /** The perf counter whose twin this metric is, if it has one. */
  public static Optional<ReplicaCounter> counterOf(MetricPrototype metric) {
    return TWINS.entrySet().stream().filter(e -> e.getValue() == metric).map(Map.Entry::getKey).findFirst();
  }
}
