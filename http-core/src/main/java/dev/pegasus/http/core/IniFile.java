package dev.pegasus.http.core;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Pegasus-style configuration file: {@code [section]} lines, {@code key = value} lines, comments
 * from {@code ;} or {@code #} at the start of a line, blank lines. Values are taken as written,
 * trimmed. A line that is none of these, a key before any section, or a key given twice in one
 * section is an error naming the file and line.
 */
public final class IniFile {

  /** One {@code key = value} line. */
  public record Entry(Path file, int line, String section, String key, String value) {
    /** {@code file:line} for messages. */
    public String where() {
      return file + ":" + line;
    }
  }

  private final Path file;
  private final ImmutableList<Entry> entries;

  private IniFile(Path file, ImmutableList<Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  /**
   * Reads and checks {@code file}.
   *
   * @throws IllegalArgumentException naming the file and line of the first mistake, or why the file
   *     cannot be read
   */
  public static IniFile read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the configuration file " + file + ": " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()),
          e);
    }
    ImmutableList.Builder<Entry> entries = ImmutableList.builder();
    Set<String> seen = new HashSet<>();
    String section = null;
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]") || line.length() < 3) {
          throw new IllegalArgumentException(file + ":" + number + ": a section line is [name], not \"" + line + "\"");
        }
        section = line.substring(1, line.length() - 1).strip();
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            file + ":" + number + ": expected [section] or key = value, not \"" + bounded(line) + "\"");
      }
      String key = line.substring(0, eq).strip();
      if (section == null) {
        throw new IllegalArgumentException(
            file + ":" + number + ": key \"" + key + "\" comes before any [section]");
      }
      if (!seen.add(section + "\u0000" + key)) {
        throw new IllegalArgumentException(
            file + ":" + number + ": key \"" + key + "\" is given twice in [" + section + "]");
      }
      entries.add(new Entry(file, number, section, key, line.substring(eq + 1).strip()));
    }
    return new IniFile(file, entries.build());
  }

  public Path file() {
    return file;
  }

  /** The {@code key = value} lines in file order. */
  public ImmutableList<Entry> entries() {
    return entries;
  }

  /**
   * Gives every entry to its flag in {@code flags}, then checks the group validators.
   *
   * @throws IllegalArgumentException naming the file, the line and the key of the first entry
   *     that names no flag, does not parse or fails a validator
   */
  public void applyTo(Flags flags) {
    applyTo(flags, false);
  }

  /**
   * As {@link #applyTo(Flags)}; with {@code knownSectionsOnly}, entries of sections in which
   * {@code flags} defines nothing are left to other servers (one file shared by the servers of a
   * process, which check between them that every section is someone's).
   */
  public void applyTo(Flags flags, boolean knownSectionsOnly) {
    Set<String> sections = flags.sections();
    for (Entry e : entries) {
      if (knownSectionsOnly && !sections.contains(e.section())) {
        continue;
      }
      try {
        flags.initialise(e.section(), e.key(), e.value());
      } catch (IllegalArgumentException problem) {
        throw new IllegalArgumentException(
            e.where() + ": [" + e.section() + "] " + e.key() + ": " + problem.getMessage(), problem);
      }
    }
    try {
      flags.checkGroups();
    } catch (IllegalArgumentException problem) {
      throw new IllegalArgumentException(file + ": " + problem.getMessage(), problem);
    }
  }

  private static String bounded(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
