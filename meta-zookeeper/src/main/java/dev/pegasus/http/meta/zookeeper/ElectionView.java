package dev.pegasus.http.meta.zookeeper;

import com.google.common.collect.ImmutableList;

/**
 * What one read of the election path found: the participant nodes in election order (as Curator's
 * {@code LeaderLatch} orders them), and the first one's owner session and data.
 *
 * @param participants node names under the election path, leader first; empty when nobody takes
 *     part (or the path does not exist)
 * @param leaderNode the first participant's node name, or null when there is none
 * @param leaderOwner the session that owns the leader node ({@code ephemeralOwner}; 0 for a node
 *     that is not ephemeral)
 * @param leaderId the leader node's data as UTF-8: the participant id it claims, unvalidated
 */
record ElectionView(
    ImmutableList<String> participants, String leaderNode, long leaderOwner, String leaderId) {

  static final ElectionView EMPTY = new ElectionView(ImmutableList.of(), null, 0, "");

  boolean hasLeader() {
    return leaderNode != null;
  }
}
