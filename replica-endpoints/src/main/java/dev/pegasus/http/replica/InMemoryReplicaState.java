package dev.pegasus.http.replica;

import dev.pegasus.http.replica.spi.ReplicaSnapshot;
import dev.pegasus.http.replica.spi.ReplicaState;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A {@link ReplicaState} held in memory: readers get the current immutable {@link
 * ReplicaSnapshot}; a writer swaps in a new one atomically. Listeners (such as {@link
 * ReplicaCounters#sync}) see every swap, in order.
 *
 * <pre>{@code
 * InMemoryReplicaState state = new InMemoryReplicaState();
 * state.subscribe(replicaCounters::sync);
 * state.update(s -> s.toBuilder().put(HostedReplica.secondary(new Gpid(2, 0), "temp", 0)).build());
 * }</pre>
 */
public final class InMemoryReplicaState implements ReplicaState {

  private final List<Consumer<ReplicaSnapshot>> listeners = new CopyOnWriteArrayList<>();
  private volatile ReplicaSnapshot current;

  /** Starts with no replicas and duplication enabled. */
  public InMemoryReplicaState() {
    this(ReplicaSnapshot.empty());
  }

  public InMemoryReplicaState(ReplicaSnapshot initial) {
    this.current = Objects.requireNonNull(initial);
  }

  @Override
  public ReplicaSnapshot snapshot() {
    return current;
  }

  /** Makes {@code next} the current snapshot, then tells the listeners. */
  public synchronized void replace(ReplicaSnapshot next) {
    current = Objects.requireNonNull(next);
    for (Consumer<ReplicaSnapshot> listener : listeners) {
      listener.accept(next);
    }
  }

  /** Replaces the current snapshot with {@code change(current)} and returns the new one. */
  public synchronized ReplicaSnapshot update(UnaryOperator<ReplicaSnapshot> change) {
    ReplicaSnapshot next = change.apply(current);
    replace(next);
    return next;
  }

  /** Calls {@code listener} with the current snapshot now and with every later one. */
  public synchronized void subscribe(Consumer<ReplicaSnapshot> listener) {
    listeners.add(listener);
    listener.accept(current);
  }
}
