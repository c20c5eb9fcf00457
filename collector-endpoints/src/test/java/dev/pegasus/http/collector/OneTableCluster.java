package dev.pegasus.http.collector;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.replica.ReplicaCounter;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.HostedReplica;

/**
 * The smallest cluster a collector can scrape: a stub meta server and one simulated replica
 * server, primary of partition 0 of table {@code temp} (app id 1) with a {@code put_qps} of 3.
 */
final class OneTableCluster implements AutoCloseable {

  private final PegasusHttpServer metaServer;
  private final SimulatedReplica replica;

  OneTableCluster() {
    MetaStub meta = new MetaStub();
    this.metaServer =
        PegasusHttpServer.builder().role("meta").port(0).service(MetaStub.class, meta).build().start();
    this.replica = new SimulatedReplica();
    replica.host(HostedReplica.primary(new Gpid(1, 0), "temp", 0));
    replica.rate(new Gpid(1, 0), ReplicaCounter.PUT_QPS, 3).publishSnapshot();
    meta.node(replica.address(), true).table(1, "temp", MetaStub.Partition.of(replica.address()));
  }

  /** {@code 127.0.0.1:<port>} of the meta server, for {@code CollectorConfig.metaServers}. */
  String metaAddress() {
    return "127.0.0.1:" + metaServer.port();
  }

  @Override
  public void close() {
    try {
      replica.close();
    } finally {
      metaServer.close();
    }
  }
}
