package dev.pegasus.http.onebox;

import dev.pegasus.http.meta.HostPort;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.ManualCompactionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The simulated manual compactions of every replica in the onebox, following the {@code
 * manual_compact.*} envs of their tables as Pegasus's {@code manual_compact_service} does: a
 * replica is triggered when {@code manual_compact.once.trigger_time} (unix seconds) is newer than
 * its last finished compaction, or when a time of day in {@code manual_compact.periodic.trigger_time}
 * ({@code HH:MM,...}) passed since then; never while {@code manual_compact.disabled} is {@code
 * true}. A triggered replica is QUEUING for {@value #QUEUING_TICKS} tick, RUNNING for {@value
 * #RUNNING_TICKS}, then FINISHED until the next trigger. At most {@code
 * manual_compact.max_concurrent_running_count} replicas of one server run at once (counted over all
 * its tables, as Pegasus counts them per server); the others wait in QUEUING.
 *
 * <p>Not thread-safe: {@link ClusterModel} calls it under its own lock.
 */
final class ManualCompactions {

  static final String DISABLED = "manual_compact.disabled";
  static final String MAX_CONCURRENT_RUNNING_COUNT = "manual_compact.max_concurrent_running_count";
  static final String ONCE_TRIGGER_TIME = "manual_compact.once.trigger_time";
  static final String PERIODIC_TRIGGER_TIME = "manual_compact.periodic.trigger_time";

  /** Ticks (seconds in the onebox) a triggered replica waits before it runs. */
  static final int QUEUING_TICKS = 1;

  /** Ticks a compaction runs. */
  static final int RUNNING_TICKS = 2;

  /** One hosted replica and its table's envs, as the model sees them at a tick. */
  record Hosted(HostPort node, Gpid gpid, Map<String, String> envs) {}

  private record Key(HostPort node, Gpid gpid) {}

  /** One replica's compaction: its status, ticks spent in it, and when it last finished. */
  private static final class Compaction {
    ManualCompactionStatus status = ManualCompactionStatus.IDLE;
    int ticks;
    long lastFinishMillis;

    void enter(ManualCompactionStatus next) {
      status = next;
      ticks = 0;
    }
  }

  private final ZoneId zone;
  private final Map<Key, Compaction> compactions = new HashMap<>();

  /** {@code zone} is where the periodic trigger's times of day are read (the server's, in Pegasus). */
  ManualCompactions(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone);
  }

  /** The status of one replica; IDLE for one never seen. */
  ManualCompactionStatus status(HostPort node, Gpid gpid) {
    Compaction c = compactions.get(new Key(node, gpid));
    return c == null ? ManualCompactionStatus.IDLE : c.status;
  }

  /**
   * One tick at {@code now}: running compactions go on or finish, queuing ones start where the
   * server has a free slot, idle and finished ones are triggered by their envs. A replica no longer
   * in {@code hosted} (its server died, or it moved) loses what was queued or running, as a
   * crashed replica does, and keeps when it last finished.
   */
  void advance(Instant now, List<Hosted> hosted) {
    Set<Key> present = new HashSet<>();
    Map<HostPort, List<Hosted>> byNode = new HashMap<>();
    for (Hosted h : hosted) {
      present.add(new Key(h.node(), h.gpid()));
      byNode.computeIfAbsent(h.node(), n -> new ArrayList<>()).add(h);
    }
    compactions.forEach(
        (key, c) -> {
          if (!present.contains(key)) {
            c.enter(c.lastFinishMillis > 0 ? ManualCompactionStatus.FINISHED : ManualCompactionStatus.IDLE);
          }
        });
    byNode.values().forEach(replicas -> advanceServer(now, replicas));
  }

  private void advanceServer(Instant now, List<Hosted> replicas) {
    int running = 0;
    for (Hosted h : replicas) {
      Compaction c = compaction(h);
      if (c.status == ManualCompactionStatus.RUNNING && ++c.ticks >= RUNNING_TICKS) {
        c.enter(ManualCompactionStatus.FINISHED);
        c.lastFinishMillis = now.toEpochMilli();
      } else if (c.status == ManualCompactionStatus.RUNNING) {
        running++;
      }
    }
    for (Hosted h : replicas) {
      Compaction c = compaction(h);
      if (c.status == ManualCompactionStatus.QUEUING
          && ++c.ticks >= QUEUING_TICKS
          && running < maxConcurrentRunning(h.envs())) {
        c.enter(ManualCompactionStatus.RUNNING);
        running++;
      }
    }
    for (Hosted h : replicas) {
      Compaction c = compaction(h);
      boolean waiting = c.status == ManualCompactionStatus.IDLE || c.status == ManualCompactionStatus.FINISHED;
      if (waiting && !"true".equals(h.envs().get(DISABLED)) && triggered(h.envs(), c.lastFinishMillis, now)) {
        c.enter(ManualCompactionStatus.QUEUING);
      }
    }
  }

  private Compaction compaction(Hosted h) {
    return compactions.computeIfAbsent(new Key(h.node(), h.gpid()), k -> new Compaction());
  }

  /** Pegasus's check_once_compact, then check_periodic_compact. */
  private boolean triggered(Map<String, String> envs, long lastFinishMillis, Instant now) {
    long once = parseLong(envs.get(ONCE_TRIGGER_TIME), -1);
    if (once > 0 && once > lastFinishMillis / 1000) {
      return true;
    }
    String periodic = envs.get(PERIODIC_TRIGGER_TIME);
    if (periodic == null) {
      return false;
    }
    LocalDate today = LocalDate.ofInstant(now, zone);
    for (String item : periodic.split(",")) {
      LocalTime time = hourMinute(item.trim());
      if (time == null) {
        continue;
      }
      long at = today.atTime(time).atZone(zone).toInstant().toEpochMilli();
      if (lastFinishMillis < at && at < now.toEpochMilli()) {
        return true;
      }
    }
    return false;
  }

  /** The env's limit; Pegasus's INT_MAX when it is absent or not a non-negative number. */
  private static int maxConcurrentRunning(Map<String, String> envs) {
    long limit = parseLong(envs.get(MAX_CONCURRENT_RUNNING_COUNT), -1);
    return limit < 0 || limit > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) limit;
  }

  /** {@code H:MM} or {@code HH:MM}, hour 0–23, minute 0–59; null otherwise. */
  private static LocalTime hourMinute(String s) {
    int colon = s.indexOf(':');
    if (colon < 1) {
      return null;
    }
    long hour = parseLong(s.substring(0, colon), -1);
    long minute = parseLong(s.substring(colon + 1), -1);
    return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59
        ? LocalTime.of((int) hour, (int) minute)
        : null;
  }

  private static long parseLong(String s, long otherwise) {
    if (s == null) {
      return otherwise;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
