package dev.pegasus.http.profiler.internal;

import java.util.regex.Pattern;

/**
 * Turns JVM class names into the stable names profiles use. Hidden classes (lambdas, method
 * handle forms) carry per-run addresses and sequence numbers, such as {@code
 * Foo$$Lambda$230+0x00007f78e8150a08.306115458} in JFR or {@code Foo$$Lambda$21/0x80000002d} in a
 * class histogram; they are cut to {@code Foo$$Lambda} so that samples of one lambda site
 * aggregate within a profile and across restarts (the callee frame below still tells lambdas of
 * one class apart). Array descriptors become Java syntax: {@code [B} is {@code byte[]}.
 */
public final class FrameNames {

  private static final Pattern HIDDEN_SUFFIX = Pattern.compile("[+/]0x[0-9a-fA-F]+(?:\\.\\d+)?");
  private static final Pattern NUMBERED_GENERATED =
      Pattern.compile(
          "(\\$\\$Lambda|\\$Proxy|GeneratedMethodAccessor|GeneratedConstructorAccessor"
              + "|GeneratedSerializationConstructorAccessor)\\$?\\d+");

  private FrameNames() {}

  /** The stable, Java-syntax name of a class as JFR or the class histogram print it. */
  public static String className(String raw) {
    int dims = 0;
    while (dims < raw.length() && raw.charAt(dims) == '[') {
      dims++;
    }
    String element = dims == 0 ? raw : elementType(raw.substring(dims));
    String stable = NUMBERED_GENERATED.matcher(HIDDEN_SUFFIX.matcher(element).replaceAll("")).replaceAll("$1");
    return stable + "[]".repeat(dims);
  }

  private static String elementType(String descriptor) {
    return switch (descriptor) {
      case "B" -> "byte";
      case "C" -> "char";
      case "D" -> "double";
      case "F" -> "float";
      case "I" -> "int";
      case "J" -> "long";
      case "S" -> "short";
      case "Z" -> "boolean";
      default ->
          descriptor.startsWith("L") && descriptor.endsWith(";")
              ? descriptor.substring(1, descriptor.length() - 1)
              : descriptor;
    };
  }

  /** {@code pkg.Class.method} for a method of a class given by its raw name. */
  public static String function(String rawClassName, String method) {
    return className(rawClassName) + "." + method;
  }

  /**
   * The source file a class is attributed to: JFR does not record it, so it is derived from the
   * top-level class, {@code dev/pegasus/Foo.java} for {@code dev.pegasus.Foo$Inner} (right for
   * Java sources, a guess for other JVM languages).
   */
  public static String sourceFile(String className) {
    int dot = className.lastIndexOf('.');
    int nested = className.indexOf('$', dot + 1);
    String topLevel = nested < 0 ? className : className.substring(0, nested);
    return topLevel.replace('.', '/') + ".java";
  }
}
