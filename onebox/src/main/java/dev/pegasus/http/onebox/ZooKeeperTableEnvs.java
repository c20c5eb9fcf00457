package dev.pegasus.http.onebox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pegasus.http.core.SortedJson;
import dev.pegasus.http.meta.zookeeper.ZooKeeperDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;

/**
 * The tables' envs in ZooKeeper, one node per table under the cluster root ({@code
 * <root>/apps/<app_id>/envs}, a JSON object in byte order of the keys), as a Pegasus meta keeps
 * its app infos there: whichever meta is primary reads and writes the same nodes, so envs survive
 * a failover. With a digest the nodes belong to that identity alone (the metas' own).
 */
final class ZooKeeperTableEnvs implements AutoCloseable {

  private static final JsonMapper JSON = new JsonMapper();
  private static final Duration CONNECT = Duration.ofSeconds(10);

  private final String root;
  private final CuratorFramework client;

  ZooKeeperTableEnvs(String connectString, String clusterRoot, Optional<ZooKeeperDigest> digest) {
    this.root = clusterRoot;
    CuratorFrameworkFactory.Builder b =
        CuratorFrameworkFactory.builder()
            .connectString(connectString)
            .sessionTimeoutMs(6_000)
            .connectionTimeoutMs((int) CONNECT.toMillis())
            .retryPolicy(new ExponentialBackoffRetry(100, 5, 1000));
    digest.ifPresent(d -> b.authorization("digest", d.authInfo()).aclProvider(creatorOnly()));
    this.client = b.build();
  }

  private static ACLProvider creatorOnly() {
    return new ACLProvider() {
      @Override
      public List<ACL> getDefaultAcl() {
        return ZooDefs.Ids.CREATOR_ALL_ACL;
      }

      @Override
      public List<ACL> getAclForPath(String path) {
        return ZooDefs.Ids.CREATOR_ALL_ACL;
      }
    };
  }

  /** Connects; false if ZooKeeper did not answer in time. */
  boolean start() throws InterruptedException {
    client.start();
    return client.blockUntilConnected((int) CONNECT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The node of a table's envs. */
  String path(int appId) {
    return root + "/apps/" + appId + "/envs";
  }

  /** The envs stored for {@code appId}, or empty when none were stored. */
  Optional<Map<String, String>> read(int appId) throws Exception {
    try {
      byte[] data = client.getData().forPath(path(appId));
      return Optional.of(JSON.readValue(data, new TypeReference<Map<String, String>>() {}));
    } catch (KeeperException.NoNodeException e) {
      return Optional.empty();
    }
  }

  /** Stores {@code envs} (the whole set) for {@code appId}. */
  void write(int appId, Map<String, String> envs) throws Exception {
    byte[] data = SortedJson.write(envs).getBytes(StandardCharsets.UTF_8);
    try {
      client.setData().forPath(path(appId), data);
    } catch (KeeperException.NoNodeException e) {
      client.create().creatingParentsIfNeeded().forPath(path(appId), data);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
