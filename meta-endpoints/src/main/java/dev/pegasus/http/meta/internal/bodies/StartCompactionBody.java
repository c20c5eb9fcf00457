package dev.pegasus.http.meta.internal.bodies;

/**
 * The JSON body of {@code /meta/app/start_compaction} (Pegasus's {@code manual_compaction_info});
 * components are named as the wire's fields.
 */
public record StartCompactionBody(
    String app_name,
    String type,
    int target_level,
    String bottommost_level_compaction,
    int max_concurrent_running_count,
    String trigger_time) {}
