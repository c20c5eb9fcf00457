/**
 * The endpoint SPI ({@code dev.pegasus.http.core.spi}), the server with its counters, TLS and
 * JSON conventions ({@code dev.pegasus.http.core}) and the metrics registry ({@code
 * dev.pegasus.http.core.metrics}); everything under {@code internal} stays inside.
 *
 * <p>Endpoint providers are found with {@link java.util.ServiceLoader}: a provider in a named
 * module declares {@code provides dev.pegasus.http.core.spi.EndpointProvider with ...}; one on the
 * class path lists itself in {@code META-INF/services}. A JSON request body type must be readable by
 * Jackson: export its package, or open it to {@code com.fasterxml.jackson.databind}.
 */
module dev.pegasus.http.core {
  exports dev.pegasus.http.core;
  exports dev.pegasus.http.core.spi;
  exports dev.pegasus.http.core.metrics;

  uses dev.pegasus.http.core.spi.EndpointProvider;

  // Guava's immutable collections are in the SPI's signatures.
  requires transitive com.google.common;
  // Automatic modules: undertow.core and xnio.api have names derived from their file names,
  // dagger has an Automatic-Module-Name; the rest have module descriptors.
  requires undertow.core;
  requires xnio.api;
  requires org.jboss.logging;
  requires dagger;
  // Dagger marks its generated classes @javax.annotation.processing.Generated (source retention).
  requires static java.compiler;
  requires javax.inject;
  // dagger.internal.Provider, used by the generated component, extends jakarta.inject.Provider;
  // dagger is an automatic module, so nothing else brings jakarta.inject into the graph.
  requires jakarta.inject;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.util;
  // client_java's text writers over its snapshot model (automatic module names from their
  // manifests); the writers' signatures name the config module's EscapingScheme.
  requires io.prometheus.writer.text;
  requires io.prometheus.metrics.model;
  requires io.prometheus.metrics.config;
  requires java.net.http;
  requires java.management;
  // com.sun.management.UnixOperatingSystemMXBean: the descriptor limit warned about at start.
  requires jdk.management;
}
