package dev.pegasus.http.profiler;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.profiler.internal.Frame;
import dev.pegasus.http.profiler.internal.LegacyCpuProfileWriter;
import dev.pegasus.http.profiler.internal.LegacyHeapProfileWriter;
import dev.pegasus.http.profiler.internal.ProfileData;
import dev.pegasus.http.profiler.internal.ProfileProtoWriter;
import dev.pegasus.http.profiler.internal.Sample;
import dev.pegasus.http.profiler.internal.SymbolTable;
import dev.pegasus.http.profiler.internal.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What writing a profile costs after the recording: a CPU profile of {@code stacks} distinct
 * stacks of depth 24 over 400 functions (a busy 30 s server has a few thousand), in the legacy
 * binary format, as gzipped profile.proto, and as heap text.
 *
 * <pre>{@code bench/jmh.sh profiler ProfileWriters -f 1 -wi 2 -i 3}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProfileWritersBenchmark {

  @Param({"1000", "5000"})
  int stacks;

  private ProfileData cpu;
  private ProfileData heap;
  private SymbolTable symbols;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    List<Frame> functions = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      functions.add(new Frame("dev.pegasus.app.Service" + (i % 40) + ".method" + i, "dev/pegasus/app/Service.java", i));
    }
    List<Sample> cpuSamples = new ArrayList<>();
    List<Sample> heapSamples = new ArrayList<>();
    for (int s = 0; s < stacks; s++) {
      ImmutableList.Builder<Frame> stack = ImmutableList.builder();
      for (int d = 0; d < 24; d++) {
        stack.add(functions.get(random.nextInt(functions.size())));
      }
      long count = 1 + random.nextInt(20);
      cpuSamples.add(new Sample(stack.build(), new long[] {count, count * 10_000_000L}));
      heapSamples.add(new Sample(stack.build(), new long[] {count, count * 4096, 0, 0}));
    }
    cpu =
        new ProfileData(
            ImmutableList.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds")),
            ImmutableList.copyOf(cpuSamples),
            new ValueType("cpu", "nanoseconds"),
            10_000_000L,
            0,
            30_000_000_000L);
    heap =
        new ProfileData(
            ImmutableList.of(
                new ValueType("alloc_objects", "count"),
                new ValueType("alloc_space", "bytes"),
                new ValueType("inuse_objects", "count"),
                new ValueType("inuse_space", "bytes")),
            ImmutableList.copyOf(heapSamples),
            new ValueType("space", "bytes"),
            1,
            0,
            10_000_000_000L);
    symbols = new SymbolTable(1 << 20);
  }

  @Benchmark
  public byte[] legacyCpu() {
    return LegacyCpuProfileWriter.write(cpu, 0, symbols);
  }

  @Benchmark
  public byte[] protoCpu() {
    return ProfileProtoWriter.write(cpu, symbols);
  }

  @Benchmark
  public String legacyHeap() {
    return LegacyHeapProfileWriter.heap(heap, symbols);
  }
}
