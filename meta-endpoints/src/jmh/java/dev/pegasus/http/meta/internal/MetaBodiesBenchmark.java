package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.HttpMethod;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.meta.AppInfo;
import dev.pegasus.http.meta.ClusterFacts;
import dev.pegasus.http.meta.HostPort;
import dev.pegasus.http.meta.InMemoryMetaState;
import dev.pegasus.http.meta.MetaSnapshot;
import dev.pegasus.http.meta.NodeState;
import dev.pegasus.http.meta.PartitionConfig;
import dev.pegasus.http.meta.StaticMetaLeadership;
import dev.pegasus.http.meta.Table;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The cost of the big {@code /meta} bodies for a cluster of 1,000 tables with {@code partitions}
 * partitions each, 3 replicas per partition, on 100 replica servers: the handler of each endpoint
 * called directly (no HTTP), from the snapshot read to the response bytes. Run with {@code -prof
 * gc} for the allocation per request.
 *
 * <pre>
 * bench/jmh.sh meta-endpoints MetaBodiesBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class MetaBodiesBenchmark {

  static final int TABLES = 1000;
  static final int NODES = 100;
  static final int REPLICAS = 3;

  @Param({"64", "256", "1024"})
  public int partitions;

  private AppsEndpoint apps;
  private AppEndpoint app;
  private NodesEndpoint nodes;
  private ClusterEndpoint cluster;
  private HttpRequest appsDetail;
  private HttpRequest appDetail;
  private HttpRequest nodesDetail;
  private HttpRequest clusterRequest;

  @Setup
  public void buildCluster() {
    InMemoryMetaState state = new InMemoryMetaState(cluster(TABLES, partitions));
    apps = new AppsEndpoint(state, new PegasusTimes(ZoneId.of("Asia/Shanghai")));
    app = new AppEndpoint(state);
    nodes = new NodesEndpoint(state);
    cluster = new ClusterEndpoint(state, StaticMetaLeadership.self("127.0.0.1:34601"));
    appsDetail =
        HttpRequest.builder(HttpMethod.GET, "/meta/apps").value("detail", "", true).build();
    appDetail =
        HttpRequest.builder(HttpMethod.GET, "/meta/app")
            .value("name", "table_500", "table_500")
            .value("detail", "", true)
            .build();
    nodesDetail =
        HttpRequest.builder(HttpMethod.GET, "/meta/nodes").value("detail", "", true).build();
    clusterRequest = HttpRequest.builder(HttpMethod.GET, "/meta/cluster").build();
  }

  /**
   * {@code /meta/apps?detail}: 1,000 general rows and 1,000 health rows, every partition
   * classified.
   */
  @Benchmark
  public HttpResponse appsDetail() {
    return apps.handle(appsDetail);
  }

  /** {@code /meta/app?name=table_500&detail}: one table's partitions, nodes and health. */
  @Benchmark
  public HttpResponse appDetail() throws EndpointException {
    return app.handle(appDetail);
  }

  /** {@code /meta/nodes?detail}: every replica of every table counted per node. */
  @Benchmark
  public HttpResponse nodesDetail() {
    return nodes.handle(nodesDetail);
  }

  /** {@code /meta/cluster}: the same per-node counts, then the two deviations. */
  @Benchmark
  public HttpResponse cluster() {
    return cluster.handle(clusterRequest);
  }

  /**
   * {@code tables} AVAILABLE tables of {@code partitions} partitions, 3 replicas each, spread over
   * 100 nodes.
   */
  static MetaSnapshot cluster(int tables, int partitions) {
    List<HostPort> addresses = new ArrayList<>(NODES);
    MetaSnapshot.Builder b =
        MetaSnapshot.builder()
            .cluster(
                ClusterFacts.builder()
                    .metaServers(List.of("10.0.0.1:34601", "10.0.0.2:34601", "10.0.0.3:34601"))
                    .zookeeperHosts("10.0.0.1:2181,10.0.0.2:2181,10.0.0.3:2181")
                    .zookeeperRoot("/pegasus/bench")
                    .build());
    for (int n = 0; n < NODES; n++) {
      HostPort address = HostPort.of("10.0." + (1 + n / 50) + "." + (10 + n % 50), 34801);
      addresses.add(address);
      b.node(NodeState.alive(address));
    }
    List<Table> all = new ArrayList<>(tables);
    for (int t = 0; t < tables; t++) {
      List<PartitionConfig> configs = new ArrayList<>(partitions);
      for (int p = 0; p < partitions; p++) {
        int first = (t * 7 + p) % NODES;
        // Every 50th partition is missing a secondary, so that health has something to count.
        List<HostPort> secondaries =
            p % 50 == 0
                ? List.of(addresses.get((first + 1) % NODES))
                : List.of(addresses.get((first + 1) % NODES), addresses.get((first + 2) % NODES));
        configs.add(PartitionConfig.of(p, 5, addresses.get(first), secondaries, REPLICAS));
      }
      AppInfo info =
          AppInfo.builder(t + 1, "table_" + t)
              .partitionCount(partitions)
              .maxReplicaCount(REPLICAS)
              .createSecond(1_565_843_655L + t)
              .envs(Map.of("replica.slow_query_threshold", "100"))
              .build();
      all.add(Table.of(info, configs));
    }
    return b.tables(all).build();
  }
}
