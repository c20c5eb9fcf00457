package dev.pegasus.http.meta;

import com.google.common.collect.ImmutableSortedMap;
import dev.pegasus.http.core.CIntegers;
import dev.pegasus.http.core.SortedJson;
import com.google.common.collect.Maps;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;

/**
 * The table envs an operator may set, with their types, limitations and samples, and the check of
 * a value (Pegasus master's {@code app_env_validator}, 33 envs). {@code /envs/list} prints {@link
 * #supportedEnvs()}; the write endpoints check every env they set with {@link #check}. Pure: no
 * state, no I/O.
 *
 * <pre>{@code
 * AppEnvValidator.check("manual_compact.once.target_level", "0")
 *     // Optional[invalid value '0', should be '-1 or >= 1']
 * }</pre>
 */
public final class AppEnvValidator {

  /** The value type of an env, as {@code /envs/list} names it. */
  public enum ValueType {
    BOOL("bool"),
    /** A signed 32-bit integer (upstream's name says unsigned). */
    INT32("unsigned int32"),
    /** A signed 64-bit integer (upstream's name says unsigned). */
    INT64("unsigned int64"),
    STRING("string");

    private final String wireName;

    ValueType(String wireName) {
      this.wireName = wireName;
    }

    /** {@code bool}, {@code unsigned int32}, {@code unsigned int64} or {@code string}. */
    public String wireName() {
      return wireName;
    }
  }

  /**
   * What {@code /envs/list} says of one env.
   *
   * @param type its value type
   * @param limitation the allowed values in words ({@code >= 0}, {@code force | skip}), may be empty
   * @param sample a valid value, may be empty
   */
  public record EnvInfo(ValueType type, String limitation, String sample) {}

  /** One registered env: what is printed, and how a value is checked beyond its type. */
  private record Rule(EnvInfo info, LongPredicate range, Function<String, Optional<String>> text) {}

  private static final String THROTTLING_LIMIT = "<size[K|M]>*<delay|reject>*<milliseconds>";
  private static final String THROTTLING_SAMPLE = "10000*delay*100,20000*reject*100";
  private static final String BOTTOMMOST = "force | skip";
  private static final String USAGE_SCENARIOS = "bulk_load | normal | prefer_write";

  private static final ImmutableSortedMap<String, Rule> RULES = rules();
  private static final ImmutableSortedMap<String, EnvInfo> INFOS =
      ImmutableSortedMap.copyOf(Maps.transformValues(RULES, Rule::info), SortedJson.BYTE_ORDER);

  private AppEnvValidator() {}

  /** Every supported env in byte order of the names, as {@code /envs/list} prints them. */
  public static ImmutableSortedMap<String, EnvInfo> supportedEnvs() {
    return INFOS;
  }

  /**
   * Checks one env: empty when {@code value} is valid for {@code key}, else Pegasus's hint, e.g.
   * {@code app_env 'x' is not supported}, {@code invalid value 'yes', should be a boolean},
   * {@code invalid value 'a', should be an 32 bits integer}, {@code invalid value '0', should be
   * '-1 or >= 1'}, or the limitation of an enumerated string ({@code force | skip}).
   */
  public static Optional<String> check(String key, String value) {
    Rule rule = RULES.get(key);
    if (rule == null) {
      return Optional.of("app_env '" + key + "' is not supported");
    }
    Optional<Long> number;
    switch (rule.info().type()) {
      case BOOL -> {
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("true") || lower.equals("false")
            ? Optional.empty()
            : Optional.of("invalid value '" + value + "', should be a boolean");
      }
      case STRING -> {
        return rule.text().apply(value);
      }
      case INT32 -> {
        number = CIntegers.signed(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (number.isEmpty()) {
          return Optional.of("invalid value '" + value + "', should be an 32 bits integer");
        }
      }
      default -> {
        number = CIntegers.signed(value, Long.MIN_VALUE, Long.MAX_VALUE);
        if (number.isEmpty()) {
          return Optional.of("invalid value '" + value + "', should be an 64 bits integer");
        }
      }
    }
    return rule.range().test(number.get())
        ? Optional.empty()
        : Optional.of("invalid value '" + value + "', should be '" + rule.info().limitation() + "'");
  }

  private static Rule bool() {
    return new Rule(new EnvInfo(ValueType.BOOL, "true | false", "true"), v -> true, v -> Optional.empty());
  }

  private static Rule string() {
    return string("", "", v -> Optional.empty());
  }

  private static Rule string(String limitation, String sample, Function<String, Optional<String>> check) {
    return new Rule(new EnvInfo(ValueType.STRING, limitation, sample), v -> true, check);
  }

  private static Rule oneOf(String limitation, String sample, Set<String> values) {
    return string(limitation, sample, v -> values.contains(v) ? Optional.empty() : Optional.of(limitation));
  }

  private static Rule int32(String limitation, String sample, LongPredicate range) {
    return new Rule(new EnvInfo(ValueType.INT32, limitation, sample), range, v -> Optional.empty());
  }

  private static Rule int64(String limitation, String sample, LongPredicate range) {
    return new Rule(new EnvInfo(ValueType.INT64, limitation, sample), range, v -> Optional.empty());
  }

  private static Rule throttling() {
    return string(THROTTLING_LIMIT, THROTTLING_SAMPLE, ThrottlingEnvs::checkThrottling);
  }

  private static ImmutableSortedMap<String, Rule> rules() {
    Set<String> bottommost = Set.of("force", "skip");
    long minWriteBuffer = 16L << 20;
    long maxWriteBuffer = 512L << 20;
    return ImmutableSortedMap.<String, Rule>orderedBy(SortedJson.BYTE_ORDER)
        .put("business.info", string())
        .put("default_ttl", int32(">= 0", "86400", v -> v >= 0))
        .put("duplication.follower_app_status", string())
        .put("duplication.master_app_name", string())
        .put("duplication.master_cluster", string())
        .put("duplication.master_metas", string())
        .put("manual_compact.disabled", bool())
        .put("manual_compact.max_concurrent_running_count", int32(">= 0", "8", v -> v >= 0))
        .put("manual_compact.once.bottommost_level_compaction", oneOf(BOTTOMMOST, "skip", bottommost))
        .put("manual_compact.once.target_level", int64("-1 or >= 1", "6", v -> v == -1 || v >= 1))
        // upstream accepts 0 although its text says "> 0"
        .put(
            "manual_compact.once.trigger_time",
            int64("> 0, timestamp (in seconds) to trigger the once manual compaction", "1700000000", v -> v >= 0))
        .put("manual_compact.periodic.bottommost_level_compaction", oneOf(BOTTOMMOST, "skip", bottommost))
        .put("manual_compact.periodic.target_level", int64("-1 or >= 1", "6", v -> v == -1 || v >= 1))
        .put("manual_compact.periodic.trigger_time", string())
        .put("replica.backup_request_throttling", throttling())
        .put(
            "replica.deny_client_request",
            string(
                "timeout*all | timeout*write | timeout*read | reconfig*all | reconfig*write | reconfig*read",
                "timeout*all",
                ThrottlingEnvs::checkDenyClient))
        .put("replica.read_throttling", throttling())
        .put(
            "replica.read_throttling_by_size",
            string("", "20000*delay*100,20000*reject*100", ThrottlingEnvs::checkSizeThrottling))
        .put("replica.rocksdb_block_cache_enabled", bool())
        .put("replica.rocksdb_iteration_threshold_time_ms", int64(">= 0", "1000", v -> v >= 0))
        .put("replica.slow_query_threshold", int64(">= 20", "1000", v -> v >= 20))
        .put("replica.split.validate_partition_hash", bool())
        .put("replica.write_throttling", throttling())
        .put("replica.write_throttling_by_size", throttling())
        .put("replica_access_controller.allowed_users", string())
        .put("replica_access_controller.ranger_policies", string())
        .put("rocksdb.allow_ingest_behind", bool())
        .put("rocksdb.checkpoint.reserve_min_count", int32("> 0", "2", v -> v > 0))
        .put("rocksdb.checkpoint.reserve_time_seconds", int32(">= 0", "3600", v -> v >= 0))
        .put("rocksdb.num_levels", int64("In range [1, 10]", "6", v -> v >= 1 && v <= 10))
        .put(
            "rocksdb.usage_scenario",
            oneOf(USAGE_SCENARIOS, "normal", Set.of("bulk_load", "normal", "prefer_write")))
        .put(
            "rocksdb.write_buffer_size",
            int64(
                "In range [" + minWriteBuffer + ", " + maxWriteBuffer + "]",
                Long.toString(minWriteBuffer),
                v -> v >= minWriteBuffer && v <= maxWriteBuffer))
        .put("user_specified_compaction", string())
        .buildOrThrow();
  }
}
