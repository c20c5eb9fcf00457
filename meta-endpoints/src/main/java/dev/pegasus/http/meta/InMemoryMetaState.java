package dev.pegasus.http.meta;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A {@link MetaState} that holds one immutable {@link MetaSnapshot} and swaps it atomically: a
 * request sees either the old snapshot or the new one, never a mix. For tests, and for hosts (like
 * the onebox) that simulate a cluster.
 *
 * <pre>{@code
 * InMemoryMetaState state = new InMemoryMetaState(initial);
 * state.update(s -> s.withNodeDown(HostPort.parse("127.0.0.1:34803")));
 * }</pre>
 */
public final class InMemoryMetaState implements MetaState {

  private final AtomicReference<MetaSnapshot> current;

  public InMemoryMetaState(MetaSnapshot initial) {
    this.current = new AtomicReference<>(requireNonNull(initial, "initial"));
  }

  /** A state holding {@link MetaSnapshot#empty()}. */
  public InMemoryMetaState() {
    this(MetaSnapshot.empty());
  }

  @Override
  public MetaSnapshot snapshot() {
    return current.get();
  }

  /** Replaces the snapshot. */
  public void set(MetaSnapshot next) {
    current.set(requireNonNull(next, "next"));
  }

  /**
   * Derives the next snapshot from the current one and swaps it in atomically; {@code change} may
   * run more than once when updates race, so it must not have side effects. Returns the new one.
   */
  public MetaSnapshot update(UnaryOperator<MetaSnapshot> change) {
    return current.updateAndGet(s -> requireNonNull(change.apply(s), "change returned null"));
  }
}
