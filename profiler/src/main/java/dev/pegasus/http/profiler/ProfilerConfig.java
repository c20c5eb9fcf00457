package dev.pegasus.http.profiler;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;

/**
 * How a server's profiler profiles: default and maximum windows, the CPU sampling period, the
 * allocation sampling rate of heap windows, and the bounds of its tables; or that the server has
 * no profiler at all. Immutable; start from {@link #builder()}, {@link #defaults()} or {@link
 * #disabled()}. A host that wants other settings than the defaults registers one:
 *
 * <pre>{@code
 * PegasusHttpServer.builder()
 *     .role("replica")
 *     .service(ProfilerConfig.class, ProfilerConfig.builder().maxSeconds(60).build())
 *     .build();
 * }</pre>
 *
 * <p>Defaults: {@code /pprof/profile} 30 s, {@code /pprof/heap} 10 s, at most 300 s; CPU samples
 * every 10 ms; 300 allocation samples/s during a heap window; live (full-GC) class histogram for
 * in-use, the 2,000 largest classes; growth counts up to 10,000 distinct stacks; at most
 * 1,048,576 symbols.
 */
public final class ProfilerConfig {

  private final int defaultProfileSeconds;
  private final int defaultHeapSeconds;
  private final int maxSeconds;
  private final Duration cpuSamplingPeriod;
  private final int heapSamplesPerSecond;
  private final boolean liveHeapHistogram;
  private final int maxHistogramClasses;
  private final int growthMaxStacks;
  private final int maxSymbols;
  private final boolean enabled;

  private ProfilerConfig(Builder b) {
    checkArgument(
        b.defaultProfileSeconds <= b.maxSeconds && b.defaultHeapSeconds <= b.maxSeconds,
        "the default windows (%s s, %s s) must not exceed maxSeconds (%s s)",
        b.defaultProfileSeconds,
        b.defaultHeapSeconds,
        b.maxSeconds);
    this.defaultProfileSeconds = b.defaultProfileSeconds;
    this.defaultHeapSeconds = b.defaultHeapSeconds;
    this.maxSeconds = b.maxSeconds;
    this.cpuSamplingPeriod = b.cpuSamplingPeriod;
    this.heapSamplesPerSecond = b.heapSamplesPerSecond;
    this.liveHeapHistogram = b.liveHeapHistogram;
    this.maxHistogramClasses = b.maxHistogramClasses;
    this.growthMaxStacks = b.growthMaxStacks;
    this.maxSymbols = b.maxSymbols;
    this.enabled = b.enabled;
  }

  /** The defaults, which a server without a registered {@code ProfilerConfig} uses. */
  public static ProfilerConfig defaults() {
    return builder().build();
  }

  /**
   * No {@code /pprof/*} and no profiling state on the server that registers it, although the
   * profiler is on the class path: the server does not keep the shared JFR growth stream running.
   */
  public static ProfilerConfig disabled() {
    return builder().enabled(false).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The window of {@code /pprof/profile} without {@code seconds}. */
  public int defaultProfileSeconds() {
    return defaultProfileSeconds;
  }

  /** The window of {@code /pprof/heap} without {@code seconds}. */
  public int defaultHeapSeconds() {
    return defaultHeapSeconds;
  }

  /** The largest {@code seconds} accepted; larger values are a 400. */
  public int maxSeconds() {
    return maxSeconds;
  }

  public Duration cpuSamplingPeriod() {
    return cpuSamplingPeriod;
  }

  public int heapSamplesPerSecond() {
    return heapSamplesPerSecond;
  }

  /** True: in-use comes from a live histogram (full GC); false: all objects, no GC. */
  public boolean liveHeapHistogram() {
    return liveHeapHistogram;
  }

  public int maxHistogramClasses() {
    return maxHistogramClasses;
  }

  public int growthMaxStacks() {
    return growthMaxStacks;
  }

  public int maxSymbols() {
    return maxSymbols;
  }

  /** False: the server gets no {@code /pprof/*} endpoints and no profiling state. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Builds a {@link ProfilerConfig}. */
  public static final class Builder {
    private int defaultProfileSeconds = 30;
    private int defaultHeapSeconds = 10;
    private int maxSeconds = 300;
    private Duration cpuSamplingPeriod = Duration.ofMillis(10);
    private int heapSamplesPerSecond = 300;
    private boolean liveHeapHistogram = true;
    private int maxHistogramClasses = 2000;
    private int growthMaxStacks = 10_000;
    private int maxSymbols = 1 << 20;
    private boolean enabled = true;

    private Builder() {}

    /**
     * Whether the server serves {@code /pprof/*} (true by default). Unlike {@code
     * disabledPaths("/pprof/*")}, false also keeps the server off the allocation-growth stream.
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder defaultProfileSeconds(int seconds) {
      checkArgument(seconds >= 1, "defaultProfileSeconds must be >= 1");
      this.defaultProfileSeconds = seconds;
      return this;
    }

    public Builder defaultHeapSeconds(int seconds) {
      checkArgument(seconds >= 1, "defaultHeapSeconds must be >= 1");
      this.defaultHeapSeconds = seconds;
      return this;
    }

    public Builder maxSeconds(int seconds) {
      checkArgument(seconds >= 1, "maxSeconds must be >= 1");
      this.maxSeconds = seconds;
      return this;
    }

    /** JFR's sampling period; HotSpot does not sample faster than every 1 ms. */
    public Builder cpuSamplingPeriod(Duration period) {
      checkArgument(period.toMillis() >= 1, "cpuSamplingPeriod must be at least 1 ms");
      this.cpuSamplingPeriod = period;
      return this;
    }

    public Builder heapSamplesPerSecond(int samples) {
      checkArgument(samples >= 1, "heapSamplesPerSecond must be >= 1");
      this.heapSamplesPerSecond = samples;
      return this;
    }

    public Builder liveHeapHistogram(boolean live) {
      this.liveHeapHistogram = live;
      return this;
    }

    public Builder maxHistogramClasses(int classes) {
      checkArgument(classes >= 1, "maxHistogramClasses must be >= 1");
      this.maxHistogramClasses = classes;
      return this;
    }

    public Builder growthMaxStacks(int stacks) {
      checkArgument(stacks >= 1, "growthMaxStacks must be >= 1");
      this.growthMaxStacks = stacks;
      return this;
    }

    public Builder maxSymbols(int symbols) {
      checkArgument(symbols >= 1, "maxSymbols must be >= 1");
      this.maxSymbols = symbols;
      return this;
    }

    public ProfilerConfig build() {
      return new ProfilerConfig(this);
    }
  }
}
