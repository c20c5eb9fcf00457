package dev.pegasus.http.core.internal;

import java.util.ArrayDeque;
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

  @Inject
  ServerResources() {}

  synchronized void add(AutoCloseable resource, String owner) {
    open.push(new Owned(resource, owner));
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
