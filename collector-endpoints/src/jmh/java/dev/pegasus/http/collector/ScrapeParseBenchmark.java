package dev.pegasus.http.collector;

import dev.pegasus.http.replica.ReplicaCounter;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;
import dev.pegasus.http.testing.HttpCalls;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The collector's CPU cost for one replica server: parse its {@code /perfCounters?prefix=replica*}
 * body in 16 KB chunks (as the JDK client delivers it) and add every reading to a round. The
 * body is a real one, fetched once from a {@link SimulatedReplica} hosting {@code replicas}
 * replicas with all 49 upstream counters, a third of them primaries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScrapeParseBenchmark {

  private static final int CHUNK = 16 * 1024;

  @Param({"1000"})
  public int replicas;

  private byte[] body;
  private ClusterLayout layout;

  @Setup(Level.Trial)
  public void fetchBody() {
    List<HostedReplica> hosted = new ArrayList<>();
    List<String> primaries = new ArrayList<>();
    String self = "127.0.0.1:1";
    try (SimulatedReplica replica = new SimulatedReplica()) {
      self = replica.address();
      for (int i = 0; i < replicas; i++) {
        Gpid gpid = new Gpid(1, i);
        boolean primary = i % 3 == 0;
        hosted.add(primary ? HostedReplica.primary(gpid, "t", 0) : HostedReplica.secondary(gpid, "t", 0));
        primaries.add(primary ? self : "127.0.0.1:2");
      }
      replica.host(hosted);
      for (HostedReplica h : hosted) {
        replica.rate(h.gpid(), ReplicaCounter.GET_QPS, 1.5);
      }
      replica.publishSnapshot();
      body = HttpCalls.get(replica.server(), "/perfCounters?prefix=replica%2A").bytes();
    }
    layout = new ClusterLayout(List.of(self), List.of(TableLayout.of(1, "t", primaries)));
    System.out.printf("body: %,d bytes%n", body.length);
  }

  @Benchmark
  public AppStatRound parseAndAggregateOneServer() throws IOException {
    CountersParser parser = new CountersParser();
    for (int from = 0; from < body.length; from += CHUNK) {
      parser.feed(ByteBuffer.wrap(body, from, Math.min(CHUNK, body.length - from)));
    }
    RoundAccumulator round = new RoundAccumulator(layout);
    round.addNode(0, parser.finish());
    return round.finish(java.time.Instant.EPOCH, java.time.Duration.ZERO, List.of());
  }
}
