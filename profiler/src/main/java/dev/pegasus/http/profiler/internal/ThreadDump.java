package dev.pegasus.http.profiler.internal;

import dev.pegasus.http.core.SortedJson;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dump of every live thread with full stacks, held locks and CPU time, as jstack-like text or
 * as JSON. Unlike {@link ThreadInfo#toString()} it never cuts stacks short.
 */
public final class ThreadDump {

  private final Instant time;
  private final List<ThreadInfo> threads;
  private final Map<Long, Long> cpuNanos;

  private ThreadDump(Instant time, List<ThreadInfo> threads, Map<Long, Long> cpuNanos) {
    this.time = time;
    this.threads = threads;
    this.cpuNanos = cpuNanos;
  }

  /** Takes a dump of this JVM. */
  public static ThreadDump take() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    ThreadInfo[] infos =
        bean.dumpAllThreads(bean.isObjectMonitorUsageSupported(), bean.isSynchronizerUsageSupported());
    List<ThreadInfo> threads = new ArrayList<>(Arrays.asList(infos));
    threads.sort(Comparator.comparingLong(ThreadInfo::getThreadId));
    Map<Long, Long> cpu = new LinkedHashMap<>();
    boolean cpuTime = bean.isThreadCpuTimeSupported() && bean.isThreadCpuTimeEnabled();
    for (ThreadInfo t : threads) {
      cpu.put(t.getThreadId(), cpuTime ? bean.getThreadCpuTime(t.getThreadId()) : -1L);
    }
    return new ThreadDump(Instant.now(), threads, cpu);
  }

  /** jstack-like text. */
  public String text() {
    StringBuilder out = new StringBuilder(threads.size() * 1024);
    out.append("Thread dump at ").append(time).append(": ").append(threads.size()).append(" threads\n");
    for (ThreadInfo t : threads) {
      out.append('\n').append('"').append(t.getThreadName()).append("\" #").append(t.getThreadId());
      if (t.isDaemon()) {
        out.append(" daemon");
      }
      out.append(" prio=").append(t.getPriority());
      long cpu = cpuNanos.get(t.getThreadId());
      if (cpu >= 0) {
        out.append(String.format(Locale.ROOT, " cpu=%.2fms", cpu / 1e6));
      }
      out.append("\n   java.lang.Thread.State: ").append(t.getThreadState());
      if (t.isInNative()) {
        out.append(" (in native)");
      }
      if (t.isSuspended()) {
        out.append(" (suspended)");
      }
      out.append('\n');
      StackTraceElement[] stack = t.getStackTrace();
      for (int i = 0; i < stack.length; i++) {
        out.append("\tat ").append(stack[i]).append('\n');
        if (i == 0 && t.getLockInfo() != null) {
          out.append("\t- ").append(blockedVerb(t)).append(' ').append(lock(t.getLockInfo()));
          if (t.getLockOwnerName() != null) {
            out.append(" owned by \"").append(t.getLockOwnerName()).append("\" #").append(t.getLockOwnerId());
          }
          out.append('\n');
        }
        for (MonitorInfo m : t.getLockedMonitors()) {
          if (m.getLockedStackDepth() == i) {
            out.append("\t- locked ").append(lock(m)).append('\n');
          }
        }
      }
      LockInfo[] synchronizers = t.getLockedSynchronizers();
      if (synchronizers.length > 0) {
        out.append("\n   Locked ownable synchronizers:\n");
        for (LockInfo l : synchronizers) {
          out.append("\t- ").append(lock(l)).append('\n');
        }
      }
    }
    return out.toString();
  }

  /**
   * {@code {"threads":[...],"time":"..."}}: per thread its id, name, state, daemon, priority,
   * CPU time ({@code -1} when unsupported), the lock it waits for and its owner, the stack (one
   * {@code StackTraceElement} string per frame, top first) and the locks it holds.
   */
  public String json() {
    List<Object> list = new ArrayList<>(threads.size());
    for (ThreadInfo t : threads) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", t.getThreadId());
      m.put("name", t.getThreadName());
      m.put("state", t.getThreadState().name());
      m.put("daemon", t.isDaemon());
      m.put("priority", t.getPriority());
      m.put("cpuNanos", cpuNanos.get(t.getThreadId()));
      m.put("inNative", t.isInNative());
      m.put("waitingOn", t.getLockInfo() == null ? null : lock(t.getLockInfo()));
      m.put("lockOwnerId", t.getLockOwnerName() == null ? null : t.getLockOwnerId());
      m.put("lockOwnerName", t.getLockOwnerName());
      m.put("stack", Arrays.stream(t.getStackTrace()).map(StackTraceElement::toString).toList());
      m.put("lockedMonitors", Arrays.stream(t.getLockedMonitors()).map(ThreadDump::lock).toList());
      m.put(
          "lockedSynchronizers",
          Arrays.stream(t.getLockedSynchronizers()).map(ThreadDump::lock).toList());
      list.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("time", time.toString());
    root.put("threads", list);
    return SortedJson.write(root) + "\n";
  }

  private static String blockedVerb(ThreadInfo t) {
    return switch (t.getThreadState()) {
      case BLOCKED -> "waiting to lock";
      case WAITING, TIMED_WAITING -> "waiting on";
      default -> "waiting for";
    };
  }

  private static String lock(LockInfo l) {
    return "<" + l.getClassName() + "@" + Integer.toHexString(l.getIdentityHashCode()) + ">";
  }
}
