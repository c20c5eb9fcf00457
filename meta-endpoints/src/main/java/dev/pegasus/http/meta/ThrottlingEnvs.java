package dev.pegasus.http.meta;

import dev.pegasus.http.core.CIntegers;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The value checks of Pegasus master's throttling and deny envs ({@code
 * throttling_controller::parse_from_env}, {@code token_bucket_throttling_controller::validate},
 * {@code check_deny_client}), with their hint texts. Each check returns the hint of the first
 * problem, or empty when the value is valid.
 */
final class ThrottlingEnvs {

  private static final String DENY_HINT =
      "Invalid deny client args, valid include: timeout*all, timeout*write, timeout*read;"
          + " reconfig*all, reconfig*write, reconfig*read";

  private ThrottlingEnvs() {}

  private enum Outcome { SUCCESS, IGNORE, FAIL }

  private record Parsed(Outcome outcome, String hint, BigInteger units) {}

  /** {@code <size[K|M]>*<delay|reject>*<ms>[,...]}: at most one delay and one reject part. */
  static Optional<String> checkThrottling(String value) {
    return parseDelayAndReject(value).hint();
  }

  /** {@code replica.read_throttling_by_size}: a size ({@code 200}, {@code 200K}), or a throttling with a reject part. */
  static Optional<String> checkSizeThrottling(String value) {
    if (CIntegers.unsigned(value, CIntegers.UINT64_MAX).filter(v -> v.signum() > 0).isPresent()) {
      return Optional.empty();
    }
    StringBuilder hint = new StringBuilder();
    Optional<BigInteger> units = parseUnit(value, hint);
    if (units.filter(v -> v.signum() > 0).isPresent()) {
      return Optional.empty();
    }
    if (parsePart(value, "delay").outcome() == Outcome.SUCCESS) {
      return Optional.empty();
    }
    DelayAndReject parsed = parseDelayAndReject(value);
    if (parsed.hint().isPresent()) {
      return parsed.hint();
    }
    if (parsed.rejectUnits().signum() == 0) {
      return Optional.of("reject value should be greater than 0");
    }
    return Optional.empty();
  }

  /** {@code replica.deny_client_request}: {@code timeout|reconfig} {@code *} {@code all|write|read}. */
  static Optional<String> checkDenyClient(String value) {
    List<String> parts = split(value, '*', true);
    if (parts.size() != 2
        || !(parts.get(0).equals("timeout") || parts.get(0).equals("reconfig"))
        || !(parts.get(1).equals("all") || parts.get(1).equals("write") || parts.get(1).equals("read"))) {
      return Optional.of(DENY_HINT);
    }
    return Optional.empty();
  }

  private record DelayAndReject(Optional<String> hint, BigInteger rejectUnits) {}

  private static DelayAndReject parseDelayAndReject(String value) {
    List<String> args = split(value, ',', false);
    if (args.isEmpty()) {
      return new DelayAndReject(Optional.of("The value shouldn't be empty"), BigInteger.ZERO);
    }
    boolean delay = false;
    boolean reject = false;
    BigInteger rejectUnits = BigInteger.ZERO;
    for (String arg : args) {
      Parsed asDelay = parsePart(arg, "delay");
      if (asDelay.outcome() == Outcome.FAIL) {
        return new DelayAndReject(Optional.of(asDelay.hint()), rejectUnits);
      }
      if (asDelay.outcome() == Outcome.SUCCESS) {
        if (delay) {
          return new DelayAndReject(Optional.of("duplicate 'delay' config"), rejectUnits);
        }
        delay = true;
        continue;
      }
      Parsed asReject = parsePart(arg, "reject");
      if (asReject.outcome() == Outcome.SUCCESS) {
        if (reject) {
          return new DelayAndReject(Optional.of("duplicate 'reject' config"), rejectUnits);
        }
        reject = true;
        rejectUnits = asReject.units();
        continue;
      }
      String hint = asReject.hint().isEmpty() ? "only 'delay' or 'reject' is supported" : asReject.hint();
      return new DelayAndReject(Optional.of(hint), rejectUnits);
    }
    return new DelayAndReject(Optional.empty(), rejectUnits);
  }

  /** One {@code <size>*<type>*<ms>} part, checked as a part of {@code type}. */
  private static Parsed parsePart(String arg, String type) {
    List<String> fields = split(arg, '*', true);
    if (fields.size() != 3) {
      return new Parsed(
          Outcome.FAIL, "The field count of '" + arg + "' separated by '*' must be 3", BigInteger.ZERO);
    }
    StringBuilder hint = new StringBuilder();
    Optional<BigInteger> units = parseUnit(fields.get(0), hint);
    if (units.isEmpty()) {
      return new Parsed(Outcome.FAIL, hint.toString(), BigInteger.ZERO);
    }
    if (!fields.get(1).equals(type)) {
      return new Parsed(
          Outcome.IGNORE, "'" + fields.get(1) + "' should be 'delay' or 'reject'", BigInteger.ZERO);
    }
    if (CIntegers.unsigned(fields.get(2), CIntegers.UINT64_MAX).isEmpty()) {
      return new Parsed(
          Outcome.FAIL, "'" + fields.get(2) + "' should be an unsigned integer", BigInteger.ZERO);
    }
    return new Parsed(Outcome.SUCCESS, "", units.get());
  }

  /** {@code 100}, {@code 100K} (x 2^10) or {@code 100M} (x 2^20), without overflowing 64 bits. */
  private static Optional<BigInteger> parseUnit(String arg, StringBuilder hint) {
    BigInteger multiplier = BigInteger.ONE;
    if (!arg.isEmpty()) {
      char last = arg.charAt(arg.length() - 1);
      if (last == 'M' || last == 'K') {
        multiplier = BigInteger.ONE.shiftLeft(last == 'M' ? 20 : 10);
        arg = arg.substring(0, arg.length() - 1);
      }
    }
    Optional<BigInteger> value = CIntegers.unsigned(arg, CIntegers.UINT64_MAX);
    if (value.isEmpty()) {
      hint.append("'").append(arg).append("' should be an unsigned integer");
      return Optional.empty();
    }
    BigInteger units = value.get().multiply(multiplier);
    if (units.compareTo(CIntegers.UINT64_MAX) > 0) {
      hint.append("'").append(arg).append("' result is overflow");
      return Optional.empty();
    }
    return Optional.of(units);
  }

  /**
   * Pegasus's {@code split_args}: pieces between separators, leading spaces and tabs and trailing
   * white space trimmed; empty pieces dropped unless {@code keepEmpty}.
   */
  static List<String> split(String text, char separator, boolean keepEmpty) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == separator) {
        int b = start;
        int e = i;
        while (b < e && (text.charAt(b) == ' ' || text.charAt(b) == '\t')) {
          b++;
        }
        while (e > b && " \t\r\n".indexOf(text.charAt(e - 1)) >= 0) {
          e--;
        }
        if (b < e || keepEmpty) {
          out.add(text.substring(b, e));
        }
        start = i + 1;
      }
    }
    return out;
  }
}
