package dev.pegasus.http.profiler;

import dev.pegasus.http.profiler.internal.AllocationGrowth;
import dev.pegasus.http.profiler.internal.ProfilingSlot;
import dev.pegasus.http.profiler.internal.SymbolTable;
import java.time.Clock;
import java.util.Optional;
import jdk.jfr.FlightRecorder;

/**
 * The profiling state of one server: its symbol table, its one profiling slot and its
 * allocation-growth counts (fed by a JFR stream shared by the whole process, which starts with
 * the first open state and stops when the last one closes). {@link ProfilerEndpointProvider}
 * opens one per server and contributes it to be closed with the server, so that several servers
 * of one JVM never share a slot or a symbol table and the host owns nothing.
 */
final class ProfilerState implements AutoCloseable {

  /** The reason a recording in flight is cancelled with when its server closes. */
  static final String CLOSED = "the server was closed";

  private final ProfilerConfig config;
  private volatile int maxSeconds;
  private final SymbolTable symbols;
  private final ProfilingSlot slot;
  private final AllocationGrowth growth;
  private final boolean jfrAvailable;
  private volatile boolean closed;

  private ProfilerState(ProfilerConfig config, Clock clock) {
    this.config = config;
    this.maxSeconds = config.maxSeconds();
    this.symbols = new SymbolTable(config.maxSymbols());
    this.slot = new ProfilingSlot(clock);
    this.jfrAvailable = FlightRecorder.isAvailable();
    this.growth = AllocationGrowth.subscribe(clock, config.growthMaxStacks());
  }

  /** A new state with this configuration; counts allocation growth from now on. */
  static ProfilerState open(ProfilerConfig config, Clock clock) {
    return new ProfilerState(config, clock);
  }

  /** The longest profile or heap window a request may ask for now ({@code max_profile_seconds}). */
  int maxSeconds() {
    return maxSeconds;
  }

  void maxSeconds(int seconds) {
    this.maxSeconds = seconds;
  }

  ProfilerConfig config() {
    return config;
  }

  /** What profiling action runs now ({@code "CPU profile"}, {@code "heap profile"}), if any. */
  Optional<String> runningAction() {
    return slot.busyWith();
  }

  /** False when this JVM has no JFR (then profile and heap answer 503, growth stays empty). */
  boolean isJfrAvailable() {
    return jfrAvailable;
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

  boolean isClosed() {
    return closed;
  }

  /**
   * Cancels a recording in flight (its client, if still connected, gets 503) and stops counting
   * allocation growth; the shared JFR stream stops when the last state of the process closes.
   * Idempotent. The server calls it after it stopped serving, so no request sees a closed state.
   */
  @Override
  public void close() {
    closed = true;
    slot.cancel(CLOSED);
    growth.close();
  }
}
