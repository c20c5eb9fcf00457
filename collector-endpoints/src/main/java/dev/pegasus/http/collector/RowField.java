package dev.pegasus.http.collector;

import java.util.HashMap;
import java.util.Map;

/**
 * The fields of Pegasus 2.0's per-partition {@code row_data}, each fed by one replica counter
 * (the name between the last {@code *} and the last {@code @}); every other counter is ignored.
 */
enum RowField {
  GET_QPS("get_qps"),
  MULTI_GET_QPS("multi_get_qps"),
  PUT_QPS("put_qps"),
  MULTI_PUT_QPS("multi_put_qps"),
  REMOVE_QPS("remove_qps"),
  MULTI_REMOVE_QPS("multi_remove_qps"),
  INCR_QPS("incr_qps"),
  CHECK_AND_SET_QPS("check_and_set_qps"),
  CHECK_AND_MUTATE_QPS("check_and_mutate_qps"),
  SCAN_QPS("scan_qps"),
  DUPLICATE_QPS("duplicate_qps"),
  DUP_SHIPPED_OPS("dup_shipped_ops"),
  DUP_FAILED_SHIPPING_OPS("dup_failed_shipping_ops"),
  RECENT_READ_CU("recent.read.cu"),
  RECENT_WRITE_CU("recent.write.cu"),
  RECENT_EXPIRE_COUNT("recent.expire.count"),
  RECENT_FILTER_COUNT("recent.filter.count"),
  RECENT_ABNORMAL_COUNT("recent.abnormal.count"),
  RECENT_WRITE_THROTTLING_DELAY_COUNT("recent.write.throttling.delay.count"),
  RECENT_WRITE_THROTTLING_REJECT_COUNT("recent.write.throttling.reject.count"),
  STORAGE_MB("disk.storage.sst(MB)"),
  STORAGE_COUNT("disk.storage.sst.count"),
  RDB_BLOCK_CACHE_HIT_COUNT("rdb.block_cache.hit_count"),
  RDB_BLOCK_CACHE_TOTAL_COUNT("rdb.block_cache.total_count"),
  RDB_INDEX_AND_FILTER_BLOCKS_MEM_USAGE("rdb.index_and_filter_blocks.memory_usage"),
  RDB_MEMTABLE_MEM_USAGE("rdb.memtable.memory_usage"),
  RDB_ESTIMATE_NUM_KEYS("rdb.estimate_num_keys"),
  RDB_BF_SEEK_NEGATIVES("rdb.bf_seek_negatives"),
  RDB_BF_SEEK_TOTAL("rdb.bf_seek_total"),
  RDB_BF_POINT_POSITIVE_TRUE("rdb.bf_point_positive_true"),
  RDB_BF_POINT_POSITIVE_TOTAL("rdb.bf_point_positive_total"),
  RDB_BF_POINT_NEGATIVES("rdb.bf_point_negatives"),
  BACKUP_REQUEST_QPS("backup_request_qps"),
  GET_BYTES("get_bytes"),
  MULTI_GET_BYTES("multi_get_bytes"),
  SCAN_BYTES("scan_bytes"),
  PUT_BYTES("put_bytes"),
  MULTI_PUT_BYTES("multi_put_bytes"),
  CHECK_AND_SET_BYTES("check_and_set_bytes"),
  CHECK_AND_MUTATE_BYTES("check_and_mutate_bytes");

  static final int COUNT = values().length;

  private static final Map<String, RowField> BY_COUNTER = new HashMap<>();

  static {
    for (RowField f : values()) {
      BY_COUNTER.put(f.counter, f);
    }
  }

  private final String counter;

  RowField(String counter) {
    this.counter = counter;
  }

  /** The replica counter name that feeds this field, e.g. {@code recent.read.cu}. */
  String counter() {
    return counter;
  }

  /** The field a counter feeds, or null when the collector ignores that counter. */
  static RowField forCounter(String counter) {
    return BY_COUNTER.get(counter);
  }
}
