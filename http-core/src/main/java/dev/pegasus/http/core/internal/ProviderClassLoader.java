package dev.pegasus.http.core.internal;

/** The class loader whose {@code META-INF/services} entries name the endpoint providers. */
public record ProviderClassLoader(ClassLoader loader) {}
