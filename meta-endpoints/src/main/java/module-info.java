/**
 * {@code MetaState}, its model and {@code MetaLeadership} ({@code dev.pegasus.http.meta}); the
 * eight {@code /meta/*} endpoints and the backup-to-primary redirect stay in {@code internal}. No
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
}
