package dev.pegasus.http.replica.spi;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Comparator;

/**
 * A partition's global id: the table's app id and the partition index. Printed as {@code
 * <app_id>.<pidx>}, e.g. {@code 2.5}, the form Pegasus uses in counter names and JSON keys.
 */
public record Gpid(int appId, int partitionIndex) implements Comparable<Gpid> {

  private static final Comparator<Gpid> ORDER =
      Comparator.comparingInt(Gpid::appId).thenComparingInt(Gpid::partitionIndex);

  public Gpid {
    checkArgument(appId >= 0, "negative app id: %s", appId);
    checkArgument(partitionIndex >= 0, "negative partition index: %s", partitionIndex);
  }

  @Override
  public int compareTo(Gpid other) {
    return ORDER.compare(this, other);
  }

  /** {@code <app_id>.<pidx>}. */
  @Override
  public String toString() {
    return appId + "." + partitionIndex;
  }
}
