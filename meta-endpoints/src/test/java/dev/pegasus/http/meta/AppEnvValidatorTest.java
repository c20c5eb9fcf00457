package dev.pegasus.http.meta;

import static com.google.common.truth.Truth.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The env table of Pegasus master's {@code app_env_validator} (master reference §4) and its hints. */
final class AppEnvValidatorTest {

  private static Optional<String> check(String key, String value) {
    return AppEnvValidator.check(key, value);
  }

  @Test
  void thirtyThreeEnvsInByteOrder() {
    assertThat(AppEnvValidator.supportedEnvs()).hasSize(33);
    assertThat(AppEnvValidator.supportedEnvs().keySet())
        .containsExactly(
            "business.info", "default_ttl", "duplication.follower_app_status",
            "duplication.master_app_name", "duplication.master_cluster", "duplication.master_metas",
            "manual_compact.disabled", "manual_compact.max_concurrent_running_count",
            "manual_compact.once.bottommost_level_compaction", "manual_compact.once.target_level",
            "manual_compact.once.trigger_time", "manual_compact.periodic.bottommost_level_compaction",
            "manual_compact.periodic.target_level", "manual_compact.periodic.trigger_time",
            "replica.backup_request_throttling", "replica.deny_client_request",
            "replica.read_throttling", "replica.read_throttling_by_size",
            "replica.rocksdb_block_cache_enabled", "replica.rocksdb_iteration_threshold_time_ms",
            "replica.slow_query_threshold", "replica.split.validate_partition_hash",
            "replica.write_throttling", "replica.write_throttling_by_size",
            "replica_access_controller.allowed_users", "replica_access_controller.ranger_policies",
            "rocksdb.allow_ingest_behind", "rocksdb.checkpoint.reserve_min_count",
            "rocksdb.checkpoint.reserve_time_seconds", "rocksdb.num_levels",
            "rocksdb.usage_scenario", "rocksdb.write_buffer_size", "user_specified_compaction")
        .inOrder();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "business.info;STRING;\"\";\"\"",
        "default_ttl;INT32;>= 0;86400",
        "manual_compact.disabled;BOOL;true | false;true",
        "manual_compact.once.bottommost_level_compaction;STRING;force | skip;skip",
        "manual_compact.once.target_level;INT64;-1 or >= 1;6",
        "manual_compact.once.trigger_time;INT64;> 0, timestamp (in seconds) to trigger the once manual compaction;1700000000",
        "manual_compact.periodic.trigger_time;STRING;\"\";\"\"",
        "replica.read_throttling_by_size;STRING;\"\";20000*delay*100,20000*reject*100",
        "replica.slow_query_threshold;INT64;>= 20;1000",
        "rocksdb.checkpoint.reserve_min_count;INT32;> 0;2",
        "rocksdb.num_levels;INT64;In range [1, 10];6",
        "rocksdb.usage_scenario;STRING;bulk_load | normal | prefer_write;normal",
        "rocksdb.write_buffer_size;INT64;In range [16777216, 536870912];16777216",
      })
  void rowsOfTheTable(String env, AppEnvValidator.ValueType type, String limitation, String sample) {
    assertThat(AppEnvValidator.supportedEnvs().get(env))
        .isEqualTo(new AppEnvValidator.EnvInfo(type, limitation, sample));
  }

  @Test
  void typeNamesAreUpstreams() {
    assertThat(AppEnvValidator.ValueType.INT32.wireName()).isEqualTo("unsigned int32");
    assertThat(AppEnvValidator.ValueType.INT64.wireName()).isEqualTo("unsigned int64");
    assertThat(AppEnvValidator.ValueType.BOOL.wireName()).isEqualTo("bool");
    assertThat(AppEnvValidator.ValueType.STRING.wireName()).isEqualTo("string");
    assertThat(AppEnvValidator.supportedEnvs().get("replica.deny_client_request").limitation())
        .isEqualTo("timeout*all | timeout*write | timeout*read | reconfig*all | reconfig*write | reconfig*read");
    assertThat(AppEnvValidator.supportedEnvs().get("replica.write_throttling").limitation())
        .isEqualTo("<size[K|M]>*<delay|reject>*<milliseconds>");
    assertThat(AppEnvValidator.supportedEnvs().get("replica.write_throttling").sample())
        .isEqualTo("10000*delay*100,20000*reject*100");
  }

  @Test
  void unknownEnvIsNotSupported() {
    assertThat(check("value_version", "1")).hasValue("app_env 'value_version' is not supported");
  }

  @Test
  void booleansIgnoreCase() {
    assertThat(check("rocksdb.allow_ingest_behind", "TRUE")).isEmpty();
    assertThat(check("rocksdb.allow_ingest_behind", "false")).isEmpty();
    assertThat(check("rocksdb.allow_ingest_behind", "1"))
        .hasValue("invalid value '1', should be a boolean");
    assertThat(check("manual_compact.disabled", "")).hasValue("invalid value '', should be a boolean");
  }

  @Test
  void integersParseAsStrtollWithBaseZero() {
    assertThat(check("default_ttl", "0x10")).isEmpty();
    assertThat(check("default_ttl", " 010")).isEmpty();
    assertThat(check("default_ttl", "+5")).isEmpty();
    assertThat(check("default_ttl", "2147483647")).isEmpty();
    assertThat(check("default_ttl", "2147483648"))
        .hasValue("invalid value '2147483648', should be an 32 bits integer");
    assertThat(check("default_ttl", "1e3")).hasValue("invalid value '1e3', should be an 32 bits integer");
    assertThat(check("default_ttl", "5 ")).hasValue("invalid value '5 ', should be an 32 bits integer");
    assertThat(check("default_ttl", "08")).hasValue("invalid value '08', should be an 32 bits integer");
    assertThat(check("default_ttl", "")).hasValue("invalid value '', should be an 32 bits integer");
    assertThat(check("rocksdb.num_levels", "x"))
        .hasValue("invalid value 'x', should be an 64 bits integer");
    assertThat(check("rocksdb.num_levels", "9223372036854775808"))
        .hasValue("invalid value '9223372036854775808', should be an 64 bits integer");
  }

  @Test
  void rangesNameTheLimitation() {
    assertThat(check("default_ttl", "-1")).hasValue("invalid value '-1', should be '>= 0'");
    assertThat(check("manual_compact.once.target_level", "0"))
        .hasValue("invalid value '0', should be '-1 or >= 1'");
    assertThat(check("manual_compact.once.target_level", "-1")).isEmpty();
    assertThat(check("replica.slow_query_threshold", "19")).hasValue("invalid value '19', should be '>= 20'");
    assertThat(check("rocksdb.num_levels", "11")).hasValue("invalid value '11', should be 'In range [1, 10]'");
    assertThat(check("rocksdb.write_buffer_size", "16777215"))
        .hasValue("invalid value '16777215', should be 'In range [16777216, 536870912]'");
    assertThat(check("rocksdb.checkpoint.reserve_min_count", "0")).hasValue("invalid value '0', should be '> 0'");
  }

  @Test
  void onceTriggerTimeAcceptsZeroAsUpstream() {
    assertThat(check("manual_compact.once.trigger_time", "0")).isEmpty();
    assertThat(check("manual_compact.once.trigger_time", "-1"))
        .hasValue("invalid value '-1', should be '> 0, timestamp (in seconds) to trigger the once manual compaction'");
  }

  @Test
  void enumeratedStringsAnswerTheirLimitation() {
    assertThat(check("manual_compact.periodic.bottommost_level_compaction", "force")).isEmpty();
    assertThat(check("manual_compact.periodic.bottommost_level_compaction", "Force")).hasValue("force | skip");
    assertThat(check("rocksdb.usage_scenario", "prefer_write")).isEmpty();
    assertThat(check("rocksdb.usage_scenario", "fast")).hasValue("bulk_load | normal | prefer_write");
  }

  @Test
  void plainStringsTakeAnything() {
    assertThat(check("business.info", "")).isEmpty();
    assertThat(check("manual_compact.periodic.trigger_time", "whenever")).isEmpty();
  }

  @Test
  void denyClientRequest() {
    assertThat(check("replica.deny_client_request", "timeout*all")).isEmpty();
    assertThat(check("replica.deny_client_request", " reconfig * read ")).isEmpty();
    String hint =
        "Invalid deny client args, valid include: timeout*all, timeout*write, timeout*read;"
            + " reconfig*all, reconfig*write, reconfig*read";
    assertThat(check("replica.deny_client_request", "timeout")).hasValue(hint);
    assertThat(check("replica.deny_client_request", "timeout*none")).hasValue(hint);
  }

  @Test
  void throttling() {
    String env = "replica.write_throttling";
    assertThat(check(env, "10000*delay*100,20000*reject*100")).isEmpty();
    assertThat(check(env, "10K*delay*100, 2M*reject*100")).isEmpty();
    assertThat(check(env, "")).hasValue("The value shouldn't be empty");
    assertThat(check(env, "100*delay")).hasValue("The field count of '100*delay' separated by '*' must be 3");
    assertThat(check(env, "10G*delay*100")).hasValue("'10G' should be an unsigned integer");
    assertThat(check(env, "-1*delay*100")).hasValue("'-1' should be an unsigned integer");
    assertThat(check(env, "100*wait*100")).hasValue("'wait' should be 'delay' or 'reject'");
    assertThat(check(env, "100*delay*x")).hasValue("'x' should be an unsigned integer");
    assertThat(check(env, "1*delay*1,2*delay*2")).hasValue("duplicate 'delay' config");
    assertThat(check(env, "1*reject*1,2*reject*2")).hasValue("duplicate 'reject' config");
    assertThat(check(env, "18446744073709551615M*delay*1")).hasValue("'18446744073709551615' result is overflow");
  }

  @Test
  void throttlingBySize() {
    String env = "replica.read_throttling_by_size";
    assertThat(check(env, "200")).isEmpty();
    assertThat(check(env, "200K")).isEmpty();
    assertThat(check(env, "20000*delay*100")).isEmpty();
    assertThat(check(env, "20000*delay*100,20000*reject*100")).isEmpty();
    assertThat(check(env, "0*reject*100")).hasValue("reject value should be greater than 0");
    assertThat(check(env, "0")).hasValue("The field count of '0' separated by '*' must be 3");
  }
}
