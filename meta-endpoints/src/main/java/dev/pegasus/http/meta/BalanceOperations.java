package dev.pegasus.http.meta;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * What the load balancer proposed in its latest round, as {@code balance_operation_count} of {@code
 * /meta/cluster}: counts by proposal type, or {@link Unknown} for a balancer that does not report
 * them (Pegasus's {@code simple_load_balancer}).
 */
public sealed interface BalanceOperations {

  /** The text {@code /meta/cluster} prints. */
  String describe();

  /** No counts: printed as {@code unknown}. */
  static BalanceOperations unknown() {
    return Unknown.INSTANCE;
  }

  /** Counts of primary moves, primary copies and secondary copies. */
  static BalanceOperations counted(long movePrimary, long copyPrimary, long copySecondary) {
    return new Counted(movePrimary, copyPrimary, copySecondary);
  }

  /**
   * The greedy balancer's counts, printed as {@code
   * move_pri=<a>,copy_pri=<b>,copy_sec=<c>,total=<a+b+c>}.
   *
   * @param movePrimary primary moves
   * @param copyPrimary primary copies
   * @param copySecondary secondary copies
   */
  record Counted(long movePrimary, long copyPrimary, long copySecondary)
      implements BalanceOperations {

    public Counted {
      checkArgument(
          movePrimary >= 0 && copyPrimary >= 0 && copySecondary >= 0, "negative operation count");
    }

    @Override
    public String describe() {
      return "move_pri="
          + movePrimary
          + ",copy_pri="
          + copyPrimary
          + ",copy_sec="
          + copySecondary
          + ",total="
          + (movePrimary + copyPrimary + copySecondary);
    }
  }

  /** The balancer does not count its operations. */
  enum Unknown implements BalanceOperations {
    INSTANCE;

    @Override
    public String describe() {
      return "unknown";
    }
  }
}
