package dev.pegasus.http.collector;

import java.util.function.ToDoubleFunction;

/**
 * The 41 statistics Pegasus 2.0's collector publishes per table and for {@code _all_}, in its
 * order, each computed from the table's summed replica counters: plain sums, {@code read_qps}
 * and {@code write_qps} (and bytes) as sums of sums, and ratios in parts per million computed
 * from summed numerators and denominators.
 */
public enum AppStatMetric {
  GET_QPS("get_qps", f -> f[RowField.GET_QPS.ordinal()]),
  MULTI_GET_QPS("multi_get_qps", f -> f[RowField.MULTI_GET_QPS.ordinal()]),
  PUT_QPS("put_qps", f -> f[RowField.PUT_QPS.ordinal()]),
  MULTI_PUT_QPS("multi_put_qps", f -> f[RowField.MULTI_PUT_QPS.ordinal()]),
  REMOVE_QPS("remove_qps", f -> f[RowField.REMOVE_QPS.ordinal()]),
  MULTI_REMOVE_QPS("multi_remove_qps", f -> f[RowField.MULTI_REMOVE_QPS.ordinal()]),
  INCR_QPS("incr_qps", f -> f[RowField.INCR_QPS.ordinal()]),
  CHECK_AND_SET_QPS("check_and_set_qps", f -> f[RowField.CHECK_AND_SET_QPS.ordinal()]),
  CHECK_AND_MUTATE_QPS("check_and_mutate_qps", f -> f[RowField.CHECK_AND_MUTATE_QPS.ordinal()]),
  SCAN_QPS("scan_qps", f -> f[RowField.SCAN_QPS.ordinal()]),
  DUPLICATE_QPS("duplicate_qps", f -> f[RowField.DUPLICATE_QPS.ordinal()]),
  DUP_SHIPPED_OPS("dup_shipped_ops", f -> f[RowField.DUP_SHIPPED_OPS.ordinal()]),
  DUP_FAILED_SHIPPING_OPS("dup_failed_shipping_ops", f -> f[RowField.DUP_FAILED_SHIPPING_OPS.ordinal()]),
  RECENT_READ_CU("recent_read_cu", f -> f[RowField.RECENT_READ_CU.ordinal()]),
  RECENT_WRITE_CU("recent_write_cu", f -> f[RowField.RECENT_WRITE_CU.ordinal()]),
  RECENT_EXPIRE_COUNT("recent_expire_count", f -> f[RowField.RECENT_EXPIRE_COUNT.ordinal()]),
  RECENT_FILTER_COUNT("recent_filter_count", f -> f[RowField.RECENT_FILTER_COUNT.ordinal()]),
  RECENT_ABNORMAL_COUNT("recent_abnormal_count", f -> f[RowField.RECENT_ABNORMAL_COUNT.ordinal()]),
  RECENT_WRITE_THROTTLING_DELAY_COUNT(
      "recent_write_throttling_delay_count", f -> f[RowField.RECENT_WRITE_THROTTLING_DELAY_COUNT.ordinal()]),
  RECENT_WRITE_THROTTLING_REJECT_COUNT(
      "recent_write_throttling_reject_count", f -> f[RowField.RECENT_WRITE_THROTTLING_REJECT_COUNT.ordinal()]),
  STORAGE_MB("storage_mb", f -> f[RowField.STORAGE_MB.ordinal()]),
  STORAGE_COUNT("storage_count", f -> f[RowField.STORAGE_COUNT.ordinal()]),
  RDB_BLOCK_CACHE_HIT_RATE(
      "rdb_block_cache_hit_rate",
      f -> ppm(f[RowField.RDB_BLOCK_CACHE_HIT_COUNT.ordinal()], f[RowField.RDB_BLOCK_CACHE_TOTAL_COUNT.ordinal()])),
  RDB_INDEX_AND_FILTER_BLOCKS_MEM_USAGE(
      "rdb_index_and_filter_blocks_mem_usage", f -> f[RowField.RDB_INDEX_AND_FILTER_BLOCKS_MEM_USAGE.ordinal()]),
  RDB_MEMTABLE_MEM_USAGE("rdb_memtable_mem_usage", f -> f[RowField.RDB_MEMTABLE_MEM_USAGE.ordinal()]),
  RDB_ESTIMATE_NUM_KEYS("rdb_estimate_num_keys", f -> f[RowField.RDB_ESTIMATE_NUM_KEYS.ordinal()]),
  RDB_BF_SEEK_NEGATIVES_RATE(
      "rdb_bf_seek_negatives_rate",
      f -> ppm(f[RowField.RDB_BF_SEEK_NEGATIVES.ordinal()], f[RowField.RDB_BF_SEEK_TOTAL.ordinal()])),
  RDB_BF_POINT_NEGATIVES_RATE(
      "rdb_bf_point_negatives_rate",
      f -> {
        double n = f[RowField.RDB_BF_POINT_NEGATIVES.ordinal()];
        return ppm(n, n + f[RowField.RDB_BF_POINT_POSITIVE_TOTAL.ordinal()]);
      }),
  RDB_BF_POINT_FALSE_POSITIVE_RATE(
      "rdb_bf_point_false_positive_rate",
      f -> {
        double falsePositives =
            f[RowField.RDB_BF_POINT_POSITIVE_TOTAL.ordinal()] - f[RowField.RDB_BF_POINT_POSITIVE_TRUE.ordinal()];
        return ppm(falsePositives, falsePositives + f[RowField.RDB_BF_POINT_NEGATIVES.ordinal()]);
      }),
  READ_QPS(
      "read_qps",
      f -> f[RowField.GET_QPS.ordinal()] + f[RowField.MULTI_GET_QPS.ordinal()] + f[RowField.SCAN_QPS.ordinal()]),
  WRITE_QPS(
      "write_qps",
      f ->
          f[RowField.PUT_QPS.ordinal()]
              + f[RowField.MULTI_PUT_QPS.ordinal()]
              + f[RowField.REMOVE_QPS.ordinal()]
              + f[RowField.MULTI_REMOVE_QPS.ordinal()]
              + f[RowField.INCR_QPS.ordinal()]
              + f[RowField.CHECK_AND_SET_QPS.ordinal()]
              + f[RowField.CHECK_AND_MUTATE_QPS.ordinal()]
              + f[RowField.DUPLICATE_QPS.ordinal()]),
  BACKUP_REQUEST_QPS("backup_request_qps", f -> f[RowField.BACKUP_REQUEST_QPS.ordinal()]),
  GET_BYTES("get_bytes", f -> f[RowField.GET_BYTES.ordinal()]),
  MULTI_GET_BYTES("multi_get_bytes", f -> f[RowField.MULTI_GET_BYTES.ordinal()]),
  SCAN_BYTES("scan_bytes", f -> f[RowField.SCAN_BYTES.ordinal()]),
  PUT_BYTES("put_bytes", f -> f[RowField.PUT_BYTES.ordinal()]),
  MULTI_PUT_BYTES("multi_put_bytes", f -> f[RowField.MULTI_PUT_BYTES.ordinal()]),
  CHECK_AND_SET_BYTES("check_and_set_bytes", f -> f[RowField.CHECK_AND_SET_BYTES.ordinal()]),
  CHECK_AND_MUTATE_BYTES("check_and_mutate_bytes", f -> f[RowField.CHECK_AND_MUTATE_BYTES.ordinal()]),
  READ_BYTES(
      "read_bytes",
      f -> f[RowField.GET_BYTES.ordinal()] + f[RowField.MULTI_GET_BYTES.ordinal()] + f[RowField.SCAN_BYTES.ordinal()]),
  WRITE_BYTES(
      "write_bytes",
      f ->
          f[RowField.PUT_BYTES.ordinal()]
              + f[RowField.MULTI_PUT_BYTES.ordinal()]
              + f[RowField.CHECK_AND_SET_BYTES.ordinal()]
              + f[RowField.CHECK_AND_MUTATE_BYTES.ordinal()]);

  private final String metricName;
  private final ToDoubleFunction<double[]> formula;

  AppStatMetric(String metricName, ToDoubleFunction<double[]> formula) {
    this.metricName = metricName;
    this.formula = formula;
  }

  /** The name in the published counter, e.g. {@code read_qps}. */
  public String metricName() {
    return metricName;
  }

  /** The exact value from a table's summed fields, before truncation. */
  double compute(double[] summedFields) {
    return formula.applyAsDouble(summedFields);
  }

  /** {@code |b| < 1e-6 ? 0 : a / b * 1e6}, as {@code table_stats.h}. */
  private static double ppm(double a, double b) {
    return Math.abs(b) < 1e-6 ? 0 : a / b * 1e6;
  }
}
