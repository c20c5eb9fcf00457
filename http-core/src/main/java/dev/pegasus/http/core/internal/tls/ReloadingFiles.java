package dev.pegasus.http.core.internal.tls;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value loaded from files and loaded again when they change. {@link #current()} is called on
 * every handshake; at most once per check period it compares the files' modification times and
 * sizes with those of the last load and, if any differs, loads again. A load that fails (a
 * renewal half written, a key that does not match) is logged once per change of the files and
 * the previous value stays in use, so a broken renewal never takes a server down.
 *
 * <p>Checking on the handshake instead of on a timer needs no thread and nothing to close; the
 * price is that a renewal is noticed by the first connection after it, which is when it matters.
 */
final class ReloadingFiles<T> {

  private static final Logger log = LoggerFactory.getLogger(ReloadingFiles.class);

  private final String what;
  private final ImmutableList<Path> files;
  private final long periodNanos;
  private final Supplier<T> loader;
  private final Function<T, String> describe;
  private final Consumer<T> onReload;
  private volatile T current;
  private List<Stamp> loadedStamps;
  private List<Stamp> failedStamps;
  private long lastCheck;

  /**
   * Loads the value now; a failure here is thrown, since a server should not start without its
   * certificate.
   */
  ReloadingFiles(
      String what,
      List<Path> files,
      Duration checkPeriod,
      Supplier<T> loader,
      Function<T, String> describe,
      Consumer<T> onReload) {
    this.what = what;
    this.files = ImmutableList.copyOf(files);
    this.periodNanos = checkPeriod.toNanos();
    this.loader = loader;
    this.describe = describe;
    this.onReload = onReload;
    List<Stamp> stamps = stamps();
    this.current = loader.get();
    this.loadedStamps = stamps;
    this.lastCheck = System.nanoTime();
  }

  /** The value, loaded again first if the period has passed and the files changed. */
  T current() {
    long now = System.nanoTime();
    synchronized (this) {
      if (now - lastCheck >= periodNanos) {
        lastCheck = now;
        checkForChange();
      }
    }
    return current;
  }

  private void checkForChange() {
    List<Stamp> stamps = stamps();
    if (stamps.equals(loadedStamps) || stamps.equals(failedStamps)) {
      return;
    }
    T loaded;
    try {
      loaded = loader.get();
    } catch (RuntimeException e) {
      failedStamps = stamps;
      log.error(
          "{} changed but cannot be loaded; still serving the previous one, {}: {}",
          what,
          describe.apply(current),
          e.getMessage());
      return;
    }
    // Stamps taken before the load: a file rewritten during the load is loaded again next time.
    loadedStamps = stamps;
    failedStamps = null;
    onReload.accept(loaded); // before handshakes can see it: the key manager indexes it first
    current = loaded;
    log.info("{} reloaded: now {}", what, describe.apply(loaded));
  }

  private List<Stamp> stamps() {
    List<Stamp> stamps = new ArrayList<>(files.size());
    for (Path f : files) {
      try {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        stamps.add(new Stamp(a.lastModifiedTime().toMillis(), a.lastModifiedTime().toString(), a.size()));
      } catch (IOException e) {
        stamps.add(new Stamp(-1, "missing", -1)); // mid-renewal (moved away): counts as a change
      }
    }
    return stamps;
  }

  /** What tells that a file changed: its modification time (at full precision) and size. */
  private record Stamp(long millis, String modified, long size) {}
}
