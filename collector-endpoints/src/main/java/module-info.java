/** The Collector ({@code dev.pegasus.http.collector}): its configuration, server and provider. */
module dev.pegasus.http.collector {
  exports dev.pegasus.http.collector;

  provides dev.pegasus.http.core.spi.EndpointProvider
      with dev.pegasus.http.collector.CollectorEndpointProvider;

  requires transitive dev.pegasus.http.core;
  requires transitive com.google.common;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires java.net.http;
}
