package dev.pegasus.http.meta;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The meta server's configuration and cluster-wide facts: the meta server list, where the cluster
 * lives in ZooKeeper, the function level, the balancer's latest operation counts, and whether cold
 * backup and duplication are enabled on this meta.
 *
 * @param metaServers the configured meta servers ({@code host:port}), in configuration order
 * @param zookeeperHosts the configured ZooKeeper hosts list, as configured
 * @param zookeeperRoot the cluster's root path in ZooKeeper, as configured
 * @param functionLevel the meta's function level
 * @param balanceOperations the balancer's latest operation counts
 * @param coldBackupEnabled false when cold backup is disabled ({@code /meta/backup_policy} is 404)
 * @param duplicationEnabled false when duplication is disabled ({@code /meta/app/duplication} is
 *     404)
 */
public record ClusterFacts(
    ImmutableList<String> metaServers,
    String zookeeperHosts,
    String zookeeperRoot,
    MetaFunctionLevel functionLevel,
    BalanceOperations balanceOperations,
    boolean coldBackupEnabled,
    boolean duplicationEnabled) {

  public ClusterFacts {
    metaServers = ImmutableList.copyOf(metaServers);
    requireNonNull(zookeeperHosts, "zookeeperHosts");
    requireNonNull(zookeeperRoot, "zookeeperRoot");
    requireNonNull(functionLevel, "functionLevel");
    requireNonNull(balanceOperations, "balanceOperations");
  }

  /**
   * Starts from an empty meta list, no ZooKeeper, root {@code /}, level {@code steady}, zero
   * balancer operations, cold backup and duplication enabled.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these facts, to change a few of them. */
  public Builder toBuilder() {
    return new Builder()
        .metaServers(metaServers)
        .zookeeperHosts(zookeeperHosts)
        .zookeeperRoot(zookeeperRoot)
        .functionLevel(functionLevel)
        .balanceOperations(balanceOperations)
        .coldBackupEnabled(coldBackupEnabled)
        .duplicationEnabled(duplicationEnabled);
  }

  /** Builds {@link ClusterFacts}. */
  public static final class Builder {
    private List<String> metaServers = List.of();
    private String zookeeperHosts = "";
    private String zookeeperRoot = "/";
    private MetaFunctionLevel functionLevel = MetaFunctionLevel.STEADY;
    private BalanceOperations balanceOperations = BalanceOperations.counted(0, 0, 0);
    private boolean coldBackupEnabled = true;
    private boolean duplicationEnabled = true;

    private Builder() {}

    public Builder metaServers(List<String> metaServers) {
      this.metaServers = metaServers;
      return this;
    }

    public Builder zookeeperHosts(String zookeeperHosts) {
      this.zookeeperHosts = zookeeperHosts;
      return this;
    }

    public Builder zookeeperRoot(String zookeeperRoot) {
      this.zookeeperRoot = zookeeperRoot;
      return this;
    }

    public Builder functionLevel(MetaFunctionLevel functionLevel) {
      this.functionLevel = functionLevel;
      return this;
    }

    public Builder balanceOperations(BalanceOperations balanceOperations) {
      this.balanceOperations = balanceOperations;
      return this;
    }

    public Builder coldBackupEnabled(boolean enabled) {
      this.coldBackupEnabled = enabled;
      return this;
    }

    public Builder duplicationEnabled(boolean enabled) {
      this.duplicationEnabled = enabled;
      return this;
    }

    public ClusterFacts build() {
      return new ClusterFacts(
          ImmutableList.copyOf(metaServers),
          zookeeperHosts,
          zookeeperRoot,
          functionLevel,
          balanceOperations,
          coldBackupEnabled,
          duplicationEnabled);
    }
  }
}
