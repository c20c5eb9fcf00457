package dev.pegasus.http.profiler.internal;

import com.google.common.collect.ImmutableList;
import java.util.regex.Pattern;

/**
 * Reads the body of a symbol request: hexadecimal addresses separated by {@code +} (both pprof
 * clients) or whitespace, with or without {@code 0x} and zero padding, optionally inside quotes
 * (older clients quoted the body), and answers them one {@code 0x%016x<TAB>name} line each.
 */
public final class SymbolRequest {

  private static final Pattern SEPARATORS = Pattern.compile("[+\\s]+");
  private static final Pattern HEX = Pattern.compile("(?:0[xX])?[0-9a-fA-F]{1,16}");

  private SymbolRequest() {}

  /** The addresses in a request body; fails with a message naming the first bad token. */
  public static ImmutableList<Long> parse(String body) {
    String trimmed = body.strip();
    if (trimmed.length() >= 1 && (trimmed.charAt(0) == '\'' || trimmed.charAt(0) == '"')) {
      char quote = trimmed.charAt(0);
      trimmed = trimmed.substring(1);
      if (trimmed.endsWith(String.valueOf(quote))) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      }
    }
    ImmutableList.Builder<Long> out = ImmutableList.builder();
    for (String token : SEPARATORS.split(trimmed)) {
      if (token.isEmpty()) {
        continue;
      }
      if (!HEX.matcher(token).matches()) {
        throw new IllegalArgumentException(
            "not a hexadecimal address: \"" + abbreviate(token) + "\"; send addresses such as"
                + " 0x10000018 separated by '+'");
      }
      String digits = token.startsWith("0x") || token.startsWith("0X") ? token.substring(2) : token;
      out.add(Long.parseUnsignedLong(digits, 16));
    }
    return out.build();
  }

  /** One {@code 0x%016x<TAB>name\n} line per address, the address itself as name when unknown. */
  public static String answer(Iterable<Long> addresses, SymbolTable symbols) {
    StringBuilder out = new StringBuilder();
    for (long address : addresses) {
      String hex = hex(address);
      out.append(hex).append('\t').append(symbols.nameAt(address).orElse(hex)).append('\n');
    }
    return out.toString();
  }

  /** {@code 0x} and 16 lowercase hexadecimal digits. */
  public static String hex(long address) {
    String digits = Long.toHexString(address);
    return "0x" + "0".repeat(16 - digits.length()) + digits;
  }

  private static String abbreviate(String token) {
    return token.length() <= 40 ? token : token.substring(0, 40) + "...";
  }
}
