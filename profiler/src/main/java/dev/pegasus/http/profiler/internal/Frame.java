package dev.pegasus.http.profiler.internal;

/**
 * One frame of a stack: the function name as profiles show it ({@code pkg.Class.method}, or a
 * type name such as {@code byte[]} for the allocated class), the source file it is attributed to
 * (empty when unknown) and the line (0 when unknown).
 */
public record Frame(String function, String file, int line) {

  /** A frame without file and line, such as an allocated type or a marker. */
  public static Frame named(String function) {
    return new Frame(function, "", 0);
  }
}
