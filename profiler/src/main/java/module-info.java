/**
 * {@code /pprof/*} ({@code dev.pegasus.http.profiler}); the JFR recorders and profile writers stay
 * in {@code internal}.
 */
module dev.pegasus.http.profiler {
  exports dev.pegasus.http.profiler;

  provides dev.pegasus.http.core.spi.EndpointProvider
      with dev.pegasus.http.profiler.ProfilerEndpointProvider;

  requires transitive dev.pegasus.http.core;
  requires com.google.common;
  requires org.slf4j;
  requires jdk.jfr;
  requires java.management;
}
