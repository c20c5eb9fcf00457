package dev.pegasus.http.replica;

import static com.google.common.base.Preconditions.checkArgument;

import dev.pegasus.http.core.NumberCounter;
import dev.pegasus.http.core.PercentileCounter;
import dev.pegasus.http.core.PerfCounter;
import dev.pegasus.http.core.RateCounter;
import dev.pegasus.http.core.VolatileNumberCounter;
import dev.pegasus.http.replica.spi.Gpid;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@link ReplicaCounter}s of one partition on one server, to update them:
 * {@code partition.rate(ReplicaCounter.GET_QPS).increment()}. Obtained from {@link
 * ReplicaCounters#partition}.
 */
public final class PartitionCounters {

  private final Gpid gpid;
  private final Map<ReplicaCounter, PerfCounter> counters;

  PartitionCounters(Gpid gpid, EnumMap<ReplicaCounter, PerfCounter> counters) {
    this.gpid = gpid;
    this.counters = counters;
  }

  /** The partition these counters belong to. */
  public Gpid gpid() {
    return gpid;
  }

  /** Whether this counter is registered for the partition (a host may register a subset). */
  public boolean has(ReplicaCounter which) {
    return counters.containsKey(which);
  }

  /** The counter, whatever its type. */
  public PerfCounter counter(ReplicaCounter which) {
    PerfCounter c = counters.get(which);
    checkArgument(c != null, "%s is not registered for %s", which, gpid);
    return c;
  }

  /** A RATE counter such as {@code get_qps}. */
  public RateCounter rate(ReplicaCounter which) {
    return typed(which, RateCounter.class);
  }

  /** A NUMBER counter such as {@code disk.storage.sst(MB)}. */
  public NumberCounter number(ReplicaCounter which) {
    return typed(which, NumberCounter.class);
  }

  /** A VOLATILE_NUMBER counter such as {@code recent.read.cu}. */
  public VolatileNumberCounter volatileNumber(ReplicaCounter which) {
    return typed(which, VolatileNumberCounter.class);
  }

  /** A PERCENTILE counter such as {@code get_latency}. */
  public PercentileCounter percentile(ReplicaCounter which) {
    return typed(which, PercentileCounter.class);
  }

  private <T extends PerfCounter> T typed(ReplicaCounter which, Class<T> kind) {
    PerfCounter c = counter(which);
    checkArgument(kind.isInstance(c), "%s is a %s counter", which, which.type().wireName());
    return kind.cast(c);
  }
}
