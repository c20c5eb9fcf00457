package dev.pegasus.http.collector;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * One AVAILABLE table as the meta server described it in this round: id, name, partition count
 * and each partition's primary address (null when the partition has none).
 */
record TableLayout(int appId, String name, int partitionCount, ImmutableList<String> primaries) {

  TableLayout {
    checkArgument(partitionCount >= 0, "negative partition count for %s", name);
    checkArgument(primaries.size() == partitionCount, "%s: %s primaries for %s partitions",
        name, primaries.size(), partitionCount);
  }

  static TableLayout of(int appId, String name, List<String> primaries) {
    // ImmutableList refuses nulls, and "no primary" is a null here: map it to the empty string.
    return new TableLayout(
        appId, name, primaries.size(),
        primaries.stream().map(p -> p == null ? "" : p).collect(ImmutableList.toImmutableList()));
  }
}
