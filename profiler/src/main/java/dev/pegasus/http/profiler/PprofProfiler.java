package dev.pegasus.http.profiler;

import dev.pegasus.http.profiler.internal.AllocationGrowth;
import dev.pegasus.http.profiler.internal.ProfilingSlot;
import dev.pegasus.http.profiler.internal.SymbolTable;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.FlightRecorder;

/**
 * The profiling state of one server, which the host registers so that the server serves {@code
 * /pprof/*}: its symbol table, its one profiling slot and its allocation-growth counts (fed by
 * a JFR stream shared by the whole process, which starts with the first profiler and stops when
 * the last one closes). One profiler per server; close it after the server:
 *
 * <pre>{@code
 * try (PprofProfiler profiler = PprofProfiler.start(ProfilerConfig.defaults());
 *     PegasusHttpServer server = PegasusHttpServer.builder()
 *         .role("replica").port(34801)
 *         .service(PprofProfiler.class, profiler)
 *         .build()
 *         .start()) {
 *   ...
 * }
 * }</pre>
 */
public final class PprofProfiler implements AutoCloseable {

  private final ProfilerConfig config;
  private final SymbolTable symbols;
  private final ProfilingSlot slot;
  private final AllocationGrowth growth;
  private final boolean jfrAvailable;
  private final AtomicReference<String> servedRole = new AtomicReference<>();

  private PprofProfiler(ProfilerConfig config, Clock clock) {
    this.config = config;
    this.symbols = new SymbolTable(config.maxSymbols());
    this.slot = new ProfilingSlot(clock);
    this.jfrAvailable = FlightRecorder.isAvailable();
    this.growth = AllocationGrowth.subscribe(clock, config.growthMaxStacks());
  }

  /** A profiler with the default configuration; starts counting allocation growth now. */
  public static PprofProfiler start() {
    return start(ProfilerConfig.defaults());
  }

  /** A profiler with this configuration; starts counting allocation growth now. */
  public static PprofProfiler start(ProfilerConfig config) {
    return new PprofProfiler(config, Clock.systemUTC());
  }

  public ProfilerConfig config() {
    return config;
  }

  /** What profiling action runs now ({@code "CPU profile"}, {@code "heap profile"}), if any. */
  public Optional<String> runningAction() {
    return slot.busyWith();
  }

  /** False when this JVM has no JFR (then profile and heap answer 503). */
  public boolean isJfrAvailable() {
    return jfrAvailable;
  }

  /**
   * Cancels a recording in flight (its client gets 503) and stops counting allocation growth;
   * the shared JFR stream stops when the last profiler of the process closes. Idempotent. Close
   * the server first: its endpoints stay routed until then, and growth would keep showing the
   * counts of before the close.
   */
  @Override
  public void close() {
    slot.cancel("the profiler was closed");
    growth.close();
  }

  SymbolTable symbols() {
    return symbols;
  }

  ProfilingSlot slot() {
    return slot;
  }

  AllocationGrowth growth() {
    return growth;
  }

  /** Binds this profiler to the one server whose provider asked; a second server is refused. */
  void claim(String role) {
    if (!servedRole.compareAndSet(null, role)) {
      throw new IllegalStateException(
          "this PprofProfiler already serves a \"" + servedRole.get() + "\" server; every server"
              + " needs its own PprofProfiler (its own symbol table and profiling slot)");
    }
  }
}
