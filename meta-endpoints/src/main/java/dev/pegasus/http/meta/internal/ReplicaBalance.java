package dev.pegasus.http.meta.internal;

import dev.pegasus.http.meta.NodeState;
import java.util.ArrayList;
import java.util.List;

/**
 * The two balance scores of {@code /meta/cluster} (reference §2.9, Pegasus's {@code
 * greedy_load_balancer::score} and {@code utils::mean_stddev}): the standard deviation of the
 * primary count and of the total replica count over the alive nodes that hold at least one replica.
 * It is the population deviation, switched to the sample deviation when a dead node still holds
 * replicas (for the primary score: still holds primaries); 0 when fewer than two nodes are sampled;
 * rounded half up to two decimals.
 */
final class ReplicaBalance {

  /**
   * Both scores.
   *
   * @param primaryStddev the primary count's deviation
   * @param totalStddev the total replica count's deviation
   */
  record Scores(double primaryStddev, double totalStddev) {}

  /**
   * One replica server as the scores see it.
   *
   * @param alive whether the node is alive
   * @param primaries the primaries it holds
   * @param secondaries the secondaries it holds
   */
  record NodeLoad(boolean alive, int primaries, int secondaries) {}

  private ReplicaBalance() {}

  /** The scores of these nodes, with their loads from {@link NodeLoads}. */
  static Scores of(List<NodeState> nodes, NodeLoads loads) {
    List<NodeLoad> all = new ArrayList<>(nodes.size());
    for (NodeState node : nodes) {
      all.add(
          new NodeLoad(
              node.alive(),
              loads.primaryCount(node.address()),
              loads.secondaryCount(node.address())));
    }
    return of(all);
  }

  /** The scores of these nodes. */
  static Scores of(List<NodeLoad> nodes) {
    int n = nodes.size();
    long[] primaries = new long[n];
    long[] totals = new long[n];
    int sampled = 0;
    boolean primaryPartial = false;
    boolean partial = false;
    for (NodeLoad node : nodes) {
      int primary = node.primaries();
      int total = primary + node.secondaries();
      if (node.alive()) {
        if (total != 0) {
          primaries[sampled] = primary;
          totals[sampled] = total;
          sampled++;
        }
      } else {
        primaryPartial |= primary > 0;
        partial |= total > 0;
      }
    }
    if (sampled <= 1) {
      return new Scores(0, 0);
    }
    return new Scores(
        meanStddev(primaries, sampled, primaryPartial), meanStddev(totals, sampled, partial));
  }

  /**
   * The deviation of the first {@code n} values: population, or sample when {@code partialSample},
   * rounded half up to two decimals as Pegasus does.
   */
  static double meanStddev(long[] values, int n, boolean partialSample) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += values[i];
    }
    double mean = sum / n;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      double d = values[i] - mean;
      squares += d * d;
    }
    return roundHalfUpTwoPlaces(Math.sqrt(squares / (partialSample ? n - 1 : n)));
  }

  /** Pegasus's rounding: {@code ((int) ((s + 0.005) * 100)) / 100.0}. */
  static double roundHalfUpTwoPlaces(double s) {
    return ((int) ((s + 0.005) * 100)) / 100.0;
  }
}
