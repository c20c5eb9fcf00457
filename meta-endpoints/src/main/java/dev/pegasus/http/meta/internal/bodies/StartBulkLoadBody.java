package dev.pegasus.http.meta.internal.bodies;

/**
 * The JSON body of {@code /meta/app/start_bulk_load} (Pegasus's {@code start_bulk_load_request}
 * without {@code ingest_behind}, which upstream does not decode either). Components are named as
 * the wire's fields, since the strict decoder maps them one to one.
 */
public record StartBulkLoadBody(
    String app_name, String cluster_name, String file_provider_type, String remote_root_path) {}
