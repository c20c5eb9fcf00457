package dev.pegasus.http.profiler.internal;

/** A pprof value type such as {@code cpu/nanoseconds} or {@code alloc_space/bytes}. */
public record ValueType(String type, String unit) {}
