package dev.pegasus.http.meta;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalTime;

/**
 * A cold-backup policy, as {@code /meta/backup_policy} shows it.
 *
 * @param name the policy name
 * @param providerType where backups go, e.g. {@code local_service} or {@code hdfs_service}
 * @param intervalSeconds the time between two backups
 * @param appIds the ids of the tables it backs up
 * @param startTime the time of day of the first backup (hours and minutes are shown)
 * @param enabled whether the policy runs
 * @param historyCountToKeep how many backups are kept
 */
public record BackupPolicy(
    String name,
    String providerType,
    long intervalSeconds,
    ImmutableSortedSet<Integer> appIds,
    LocalTime startTime,
    boolean enabled,
    int historyCountToKeep) {

  public BackupPolicy {
    requireNonNull(name, "name");
    requireNonNull(providerType, "providerType");
    requireNonNull(startTime, "startTime");
    checkArgument(intervalSeconds >= 0, "negative backup interval %s", intervalSeconds);
    appIds = ImmutableSortedSet.copyOf(appIds);
  }
}
