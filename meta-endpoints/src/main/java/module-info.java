/**
 * {@code MetaState}, {@code TableOperations}, their model and {@code MetaLeadership} ({@code
 * dev.pegasus.http.meta}); the {@code /meta/*} endpoints, {@code /envs/list} and the backup-to-primary redirect stay in {@code internal}. No
 * ZooKeeper here: the election is pegasus-meta-zookeeper's.
 */
module dev.pegasus.http.meta {
  exports dev.pegasus.http.meta;

  provides dev.pegasus.http.core.spi.EndpointProvider
      with dev.pegasus.http.meta.internal.MetaEndpointProvider;

  requires transitive dev.pegasus.http.core;
  requires transitive com.google.common;
  // PartitionConfig's @Nullable, in the API: readable by users who have it, needed by none.
  requires static transitive org.jspecify;
  requires org.slf4j;
  // BulkLoadInfo reads the bulk_load_info file.
  requires com.fasterxml.jackson.databind;

  // The strict JSON body decoder (Jackson, called by http-core) builds these records.
  opens dev.pegasus.http.meta.internal.bodies to com.fasterxml.jackson.databind;
}
