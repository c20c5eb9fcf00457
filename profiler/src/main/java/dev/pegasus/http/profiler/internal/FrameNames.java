package dev.pegasus.http.profiler.internal;

import java.util.regex.Pattern;

/**
 * Turns JVM class names into the stable names profiles use. Hidden classes (lambdas, method
 * handle forms, string concatenation) carry per-run addresses and sequence numbers, and each JDK
 * spells them its own way:
 *
 * <ul>
 *   <li>JFR on 17: {@code Foo$$Lambda$230+0x00007f78e8150a08.306115458}, {@code
 *       java.lang.invoke.LambdaForm$MH+0x00007fed98008800.48914743}
 *   <li>JFR on 25: {@code Foo$$Lambda.0x00000000402cf168}, {@code LambdaForm$DMH.0x...}, {@code
 *       java.lang.String$$StringConcat.0x...}
 *   <li>class histogram on 17: {@code Foo$$Lambda$21/0x80000002d}; on 25: {@code
 *       Foo$$Lambda/0x0000000080040218}
 * </ul>
 *
 * They are cut to {@code Foo$$Lambda} (or {@code LambdaForm$MH}, {@code String$$StringConcat})
 * so that samples of one lambda site aggregate within a profile and across restarts, and the
 * symbol table does not grow with every address (the callee frame below still tells lambdas of
 * one class apart). The numbers of generated classes ({@code $Proxy12}, {@code
 * GeneratedMethodAccessor7}) go too. Array descriptors become Java syntax: {@code [B} is {@code
 * byte[]}.
 */
public final class FrameNames {

  /**
   * The address of a hidden class after {@code /} (its real name), {@code +} (JFR on 17) or
   * {@code .} (JFR on 25), and JFR 17's {@code .<number>} after it. None of the three can
   * precede {@code 0x} in the name of a Java class: {@code /} and {@code +} are not allowed in
   * one, and a package or class name cannot start with a digit.
   */
  private static final Pattern HIDDEN_SUFFIX =
      Pattern.compile("[+/.]0x[0-9a-fA-F]+(?:\\.\\d+)?");
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
