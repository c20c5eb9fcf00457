package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.spi.Contribution;
import dev.pegasus.http.core.spi.StartedServer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources providers contributed to one server, closed once, in the reverse order of their
 * contribution, when the server closes or its start fails. A resource that fails to close is
 * logged with its provider and does not stop the others from closing.
 */
@Singleton
public final class ServerResources {

  private static final Logger log = LoggerFactory.getLogger(ServerResources.class);

  private record Owned(AutoCloseable resource, String owner) {}

  private final Deque<Owned> open = new ArrayDeque<>();

  private record Hook(Contribution.StartListener listener, String owner) {}

  private final List<Hook> startHooks = new ArrayList<>();

  @Inject
  ServerResources() {}

  synchronized void add(AutoCloseable resource, String owner) {
    open.push(new Owned(resource, owner));
  }

  synchronized void addStartListener(Contribution.StartListener listener, String owner) {
    startHooks.add(new Hook(listener, owner));
  }

  /**
   * Runs the start listeners in contribution order.
   *
   * @throws IllegalStateException naming the provider whose listener failed, with its cause
   */
  public void started(StartedServer server) {
    List<Hook> hooks;
    synchronized (this) {
      hooks = List.copyOf(startHooks);
    }
    for (Hook hook : hooks) {
      try {
        hook.listener().started(server);
      } catch (Exception e) {
        throw new IllegalStateException(
            "the start hook of " + hook.owner() + " failed: " + e.getMessage(), e);
      }
    }
  }

  /** Closes everything not yet closed, last contributed first. */
  public synchronized void closeAll() {
    while (!open.isEmpty()) {
      Owned next = open.pop();
      try {
        next.resource().close();
      } catch (Exception e) {
        log.warn("closing a resource of {} failed", next.owner(), e);
      } catch (Error e) {
        log.error("closing a resource of {} failed", next.owner(), e);
      }
    }
  }
}
