package dev.pegasus.http.meta;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import dev.pegasus.http.core.SortedJson;
import java.util.Map;

/**
 * What the meta knows about one table (Pegasus's {@code app_info}). Times are epoch seconds, and 0
 * means "not set"; the table environment is kept sorted by the bytes of its keys, the order {@code
 * /meta/app_envs} prints.
 *
 * @param appId the table id, unique in the cluster
 * @param appName the table name
 * @param appType the storage engine, e.g. {@code pegasus}
 * @param status the lifecycle status
 * @param partitionCount the number of partitions
 * @param maxReplicaCount the configured number of replicas per partition
 * @param stateful whether the table is stateful
 * @param createSecond when the table was created, epoch seconds; 0 when unknown
 * @param dropSecond when the table was dropped, epoch seconds; 0 when not dropped
 * @param expireSecond when a dropped table is removed for good, epoch seconds; 0 when not dropped
 * @param envs the table environment
 */
public record AppInfo(
    int appId,
    String appName,
    String appType,
    AppStatus status,
    int partitionCount,
    int maxReplicaCount,
    boolean stateful,
    long createSecond,
    long dropSecond,
    long expireSecond,
    ImmutableSortedMap<String, String> envs) {

  public AppInfo {
    checkArgument(appId >= 0, "negative app id %s", appId);
    requireNonNull(appName, "appName");
    requireNonNull(appType, "appType");
    requireNonNull(status, "status");
    checkArgument(partitionCount >= 0, "negative partition count %s", partitionCount);
    checkArgument(maxReplicaCount >= 0, "negative max replica count %s", maxReplicaCount);
    envs = ImmutableSortedMap.copyOf(envs, SortedJson.BYTE_ORDER);
  }

  /** Starts a table with this id and name: type {@code pegasus}, AVAILABLE, stateful, no envs. */
  public static Builder builder(int appId, String appName) {
    return new Builder(appId, appName);
  }

  /** A builder holding this table's values, to change a few of them. */
  public Builder toBuilder() {
    return new Builder(appId, appName)
        .appType(appType)
        .status(status)
        .partitionCount(partitionCount)
        .maxReplicaCount(maxReplicaCount)
        .stateful(stateful)
        .createSecond(createSecond)
        .dropSecond(dropSecond)
        .expireSecond(expireSecond)
        .envs(envs);
  }

  /** The same table with another status. */
  public AppInfo withStatus(AppStatus newStatus) {
    return toBuilder().status(newStatus).build();
  }

  /**
   * The same table with {@code changed} merged into its envs: a key given again takes the new
   * value, the other envs stay (Pegasus's {@code set_app_envs}).
   */
  public AppInfo withEnvsMerged(Map<String, String> changed) {
    Map<String, String> merged = new java.util.HashMap<>(envs);
    merged.putAll(changed);
    return toBuilder().envs(merged).build();
  }

  /** Builds an {@link AppInfo}. */
  public static final class Builder {
    private final int appId;
    private final String appName;
    private String appType = "pegasus";
    private AppStatus status = AppStatus.AVAILABLE;
    private int partitionCount;
    private int maxReplicaCount = 3;
    private boolean stateful = true;
    private long createSecond;
    private long dropSecond;
    private long expireSecond;
    private Map<String, String> envs = Map.of();

    private Builder(int appId, String appName) {
      this.appId = appId;
      this.appName = appName;
    }

    public Builder appType(String appType) {
      this.appType = appType;
      return this;
    }

    public Builder status(AppStatus status) {
      this.status = status;
      return this;
    }

    public Builder partitionCount(int partitionCount) {
      this.partitionCount = partitionCount;
      return this;
    }

    public Builder maxReplicaCount(int maxReplicaCount) {
      this.maxReplicaCount = maxReplicaCount;
      return this;
    }

    public Builder stateful(boolean stateful) {
      this.stateful = stateful;
      return this;
    }

    public Builder createSecond(long createSecond) {
      this.createSecond = createSecond;
      return this;
    }

    public Builder dropSecond(long dropSecond) {
      this.dropSecond = dropSecond;
      return this;
    }

    public Builder expireSecond(long expireSecond) {
      this.expireSecond = expireSecond;
      return this;
    }

    public Builder envs(Map<String, String> envs) {
      this.envs = envs;
      return this;
    }

    public AppInfo build() {
      return new AppInfo(
          appId,
          appName,
          appType,
          status,
          partitionCount,
          maxReplicaCount,
          stateful,
          createSecond,
          dropSecond,
          expireSecond,
          ImmutableSortedMap.copyOf(envs, SortedJson.BYTE_ORDER));
    }
  }
}
