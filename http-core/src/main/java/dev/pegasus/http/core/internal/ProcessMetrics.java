package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.metrics.MetricEntity;
import dev.pegasus.http.core.metrics.MetricPrototype;
import dev.pegasus.http.core.metrics.MetricRegistry;
import dev.pegasus.http.core.metrics.MetricUnit;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code server} entity's process metrics every role has: Pegasus master's memory gauges
 * ({@code resident_mem_usage_mb}, {@code virtual_mem_usage_mb}, what the shell's {@code
 * server_stat} reads) and the JVM's own numbers (heap, GC, threads, CPU, file descriptors), all
 * read when a scrape reads them.
 */
public final class ProcessMetrics {

  private static final String SERVER = MetricRegistry.SERVER;
  private static final Path STATUS = Path.of("/proc/self/status");

  static final MetricPrototype RESIDENT_MEM =
      MetricPrototype.gauge(SERVER, "resident_mem_usage_mb", MetricUnit.MEGABYTES,
          "The total amount of physical memory usage in MB");
  static final MetricPrototype VIRTUAL_MEM =
      MetricPrototype.gauge(SERVER, "virtual_mem_usage_mb", MetricUnit.MEGABYTES,
          "The total amount of virtual memory usage in MB");
  static final MetricPrototype HEAP_USED =
      MetricPrototype.gauge(SERVER, "jvm_heap_used_bytes", MetricUnit.BYTES,
          "The JVM heap in use, in bytes");
  static final MetricPrototype HEAP_COMMITTED =
      MetricPrototype.gauge(SERVER, "jvm_heap_committed_bytes", MetricUnit.BYTES,
          "The JVM heap committed by the operating system, in bytes");
  static final MetricPrototype HEAP_MAX =
      MetricPrototype.gauge(SERVER, "jvm_heap_max_bytes", MetricUnit.BYTES,
          "The largest the JVM heap may grow to, in bytes (-1 if undefined)");
  static final MetricPrototype NON_HEAP_USED =
      MetricPrototype.gauge(SERVER, "jvm_non_heap_used_bytes", MetricUnit.BYTES,
          "The JVM memory in use outside the heap (metaspace, code cache), in bytes");
  static final MetricPrototype GC_COLLECTIONS =
      MetricPrototype.counter(SERVER, "jvm_gc_collections", MetricUnit.OPERATIONS,
          "The number of garbage collections of every collector");
  static final MetricPrototype GC_TIME =
      MetricPrototype.counter(SERVER, "jvm_gc_time_ms", MetricUnit.MILLISECONDS,
          "The time spent in garbage collections of every collector, in milliseconds");
  static final MetricPrototype THREADS =
      MetricPrototype.gauge(SERVER, "jvm_threads", MetricUnit.TASKS, "The number of live JVM threads");
  static final MetricPrototype CPU_TIME =
      MetricPrototype.counter(SERVER, "process_cpu_time_ns", MetricUnit.NANOSECONDS,
          "The CPU time the process has used, in nanoseconds");
  static final MetricPrototype OPEN_FILES =
      MetricPrototype.gauge(SERVER, "process_open_fds", MetricUnit.FILES,
          "The number of open file descriptors of the process");
  static final MetricPrototype MAX_FILES =
      MetricPrototype.gauge(SERVER, "process_max_fds", MetricUnit.FILES,
          "The most file descriptors the process may open (ulimit -n)");

  private ProcessMetrics() {}

  /** Adds the process metrics to a server's {@code server} entity (once; again is harmless). */
  public static void register(MetricEntity server) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    server.gauge(RESIDENT_MEM, () -> statusKilobytes("VmRSS:") / 1024);
    server.gauge(VIRTUAL_MEM, () -> statusKilobytes("VmSize:") / 1024);
    server.gauge(HEAP_USED, () -> memory.getHeapMemoryUsage().getUsed());
    server.gauge(HEAP_COMMITTED, () -> memory.getHeapMemoryUsage().getCommitted());
    server.gauge(HEAP_MAX, () -> memory.getHeapMemoryUsage().getMax());
    server.gauge(NON_HEAP_USED, () -> memory.getNonHeapMemoryUsage().getUsed());
    server.counter(GC_COLLECTIONS, () -> collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionCount())).sum());
    server.counter(GC_TIME, () -> collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionTime())).sum());
    server.gauge(THREADS, threads::getThreadCount);
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      server.counter(CPU_TIME, () -> Math.max(0, sun.getProcessCpuTime()));
    }
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      server.gauge(OPEN_FILES, unix::getOpenFileDescriptorCount);
      server.gauge(MAX_FILES, unix::getMaxFileDescriptorCount);
    }
  }

  /** A {@code kB} line of /proc/self/status (Linux), or 0 where there is none. */
  private static long statusKilobytes(String key) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(key)) {
          String digits = line.substring(key.length()).replace("kB", "").trim();
          return Long.parseLong(digits);
        }
      }
    } catch (IOException | RuntimeException unavailable) {
      // Not Linux, or /proc is not mounted: report 0, as upstream does when it cannot read it.
    }
    return 0;
  }
}
