/**
 * {@code ReplicaState} and its model ({@code dev.pegasus.http.replica.spi}) and the replica's
 * counters ({@code dev.pegasus.http.replica}); the {@code /replica/*} endpoints come from the provider.
 */
module dev.pegasus.http.replica {
  exports dev.pegasus.http.replica;
  exports dev.pegasus.http.replica.spi;

  provides dev.pegasus.http.core.spi.EndpointProvider
      with dev.pegasus.http.replica.ReplicaEndpointProvider;

  requires transitive dev.pegasus.http.core;
  requires transitive com.google.common;
  requires org.slf4j;
}
