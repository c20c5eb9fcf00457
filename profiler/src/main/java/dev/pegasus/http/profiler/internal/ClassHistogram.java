package dev.pegasus.http.profiler.internal;

import com.google.common.annotations.VisibleForTesting;
import com.google.common.collect.ImmutableList;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live objects per class, from the {@code GC.class_histogram} diagnostic command (what {@code
 * jmap -histo:live} prints): exact instance and byte counts, but per class, not per allocation
 * site. Taking it runs a full GC, unless {@code live} is false (then garbage is counted too).
 */
public final class ClassHistogram {

  /** One class: its stable name, instances and bytes. */
  public record Entry(String className, long instances, long bytes) {}

  /** The name under which the classes beyond the limit are added up. */
  public static final String OTHER_CLASSES = "[other classes]";

  private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

  private ClassHistogram() {}

  /** Takes the histogram of this JVM. */
  public static ImmutableList<Entry> take(boolean live, int maxClasses) {
    try {
      Object text =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "gcClassHistogram",
                  new Object[] {live ? new String[0] : new String[] {"-all"}},
                  new String[] {String[].class.getName()});
      return parse((String) text, maxClasses);
    } catch (JMException e) {
      throw new IllegalStateException("the class histogram is not available: " + e.getMessage(), e);
    }
  }

  /**
   * Parses the command's table: the {@code maxClasses} largest classes by bytes, the rest added
   * up under {@link #OTHER_CLASSES}. Rows of one stable name (several lambda classes) merge.
   */
  @VisibleForTesting
  static ImmutableList<Entry> parse(String text, int maxClasses) {
    Map<String, long[]> byName = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        long[] sum = byName.computeIfAbsent(FrameNames.className(m.group(3)), k -> new long[2]);
        sum[0] += Long.parseLong(m.group(1));
        sum[1] += Long.parseLong(m.group(2));
      }
    }
    List<Entry> entries = new ArrayList<>(byName.size());
    byName.forEach((name, v) -> entries.add(new Entry(name, v[0], v[1])));
    entries.sort(Comparator.comparingLong(Entry::bytes).reversed());
    if (entries.size() <= maxClasses) {
      return ImmutableList.copyOf(entries);
    }
    long instances = 0;
    long bytes = 0;
    for (Entry e : entries.subList(maxClasses, entries.size())) {
      instances += e.instances();
      bytes += e.bytes();
    }
    return ImmutableList.<Entry>builder()
        .addAll(entries.subList(0, maxClasses))
        .add(new Entry(OTHER_CLASSES, instances, bytes))
        .build();
  }
}
