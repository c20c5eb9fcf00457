package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.meta.HostPort;
import dev.pegasus.http.replica.spi.Gpid;
import dev.pegasus.http.replica.spi.ManualCompactionStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated manual compactions, tick by tick, with explicit times. */
final class ManualCompactionsTest {

  private static final HostPort R1 = HostPort.parse("127.0.0.1:34801");
  private static final HostPort R2 = HostPort.parse("127.0.0.1:34802");
  private static final Gpid P0 = new Gpid(2, 0);
  private static final Gpid P1 = new Gpid(2, 1);
  private static final Gpid P2 = new Gpid(2, 2);
  /** 2026-12-01 10:00:00 UTC. */
  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  private final ManualCompactions compactions = new ManualCompactions(ZoneOffset.UTC);
  private Instant now = START;

  private static Map<String, String> onceAt(Instant trigger) {
    return ImmutableMap.of(ManualCompactions.ONCE_TRIGGER_TIME, Long.toString(trigger.getEpochSecond()));
  }

  /** One tick a second later, with every replica on {@code node} of these gpids and envs. */
  private void tick(Map<String, String> envs, HostPort node, Gpid... gpids) {
    now = now.plusSeconds(1);
    List<ManualCompactions.Hosted> hosted = new ArrayList<>();
    for (Gpid g : gpids) {
      hosted.add(new ManualCompactions.Hosted(node, g, envs));
    }
    compactions.advance(now, hosted);
  }

  private List<ManualCompactionStatus> statuses(HostPort node, Gpid... gpids) {
    List<ManualCompactionStatus> out = new ArrayList<>();
    for (Gpid g : gpids) {
      out.add(compactions.status(node, g));
    }
    return out;
  }

  @Test
  void withoutEnvsAReplicaStaysIdle() {
    assertThat(compactions.status(R1, P0)).isEqualTo(ManualCompactionStatus.IDLE);
    for (int i = 0; i < 5; i++) {
      tick(Map.of(), R1, P0);
    }
    assertThat(compactions.status(R1, P0)).isEqualTo(ManualCompactionStatus.IDLE);
  }

  @Test
  void aOnceTriggerQueuesRunsAndFinishes() {
    Map<String, String> envs = onceAt(START);
    List<ManualCompactionStatus> seen = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tick(envs, R1, P0);
      seen.add(compactions.status(R1, P0));
    }
    assertThat(seen)
        .containsExactly(
            ManualCompactionStatus.QUEUING,
            ManualCompactionStatus.RUNNING,
            ManualCompactionStatus.RUNNING,
            ManualCompactionStatus.FINISHED,
            ManualCompactionStatus.FINISHED)
        .inOrder();
  }

  @Test
  void onlyANewerTriggerCompactsAgain() {
    Map<String, String> first = onceAt(START);
    for (int i = 0; i < 5; i++) {
      tick(first, R1, P0);
    }
    Instant finished = now;
    tick(onceAt(finished.minusSeconds(1)), R1, P0); // older than the last finish: nothing
    assertThat(compactions.status(R1, P0)).isEqualTo(ManualCompactionStatus.FINISHED);
    tick(onceAt(now.plusSeconds(1)), R1, P0);
    assertThat(compactions.status(R1, P0)).isEqualTo(ManualCompactionStatus.QUEUING);
  }

  @Test
  void disabledStaysIdleAndMalformedTriggersAreIgnored() {
    Map<String, String> disabled =
        ImmutableMap.of(
            ManualCompactions.ONCE_TRIGGER_TIME, Long.toString(START.getEpochSecond()),
            ManualCompactions.DISABLED, "true");
    for (int i = 0; i < 5; i++) {
      tick(disabled, R1, P0);
      tick(ImmutableMap.of(ManualCompactions.ONCE_TRIGGER_TIME, "soon"), R1, P1);
      tick(ImmutableMap.of(ManualCompactions.ONCE_TRIGGER_TIME, "0"), R1, P2);
    }
    assertThat(statuses(R1, P0, P1, P2)).containsExactly(ManualCompactionStatus.IDLE, ManualCompactionStatus.IDLE,
        ManualCompactionStatus.IDLE);
  }

  @Test
  void maxConcurrentRunningCountLimitsEachServer() {
    Map<String, String> envs =
        ImmutableMap.of(
            ManualCompactions.ONCE_TRIGGER_TIME, Long.toString(START.getEpochSecond()),
            ManualCompactions.MAX_CONCURRENT_RUNNING_COUNT, "1");
    int mostRunning = 0;
    for (int i = 0; i < 12; i++) {
      tick(envs, R1, P0, P1, P2);
      int running = (int) statuses(R1, P0, P1, P2).stream().filter(s -> s == ManualCompactionStatus.RUNNING).count();
      mostRunning = Math.max(mostRunning, running);
    }
    assertThat(mostRunning).isEqualTo(1);
    assertThat(statuses(R1, P0, P1, P2)).containsExactly(ManualCompactionStatus.FINISHED,
        ManualCompactionStatus.FINISHED, ManualCompactionStatus.FINISHED);
  }

  @Test
  void withoutALimitEveryReplicaRunsAtOnce() {
    Map<String, String> envs = onceAt(START);
    tick(envs, R1, P0, P1, P2);
    tick(envs, R1, P0, P1, P2);
    assertThat(statuses(R1, P0, P1, P2)).containsExactly(ManualCompactionStatus.RUNNING,
        ManualCompactionStatus.RUNNING, ManualCompactionStatus.RUNNING);
  }

  @Test
  void aZeroLimitKeepsThemQueuing() {
    Map<String, String> envs =
        ImmutableMap.of(
            ManualCompactions.ONCE_TRIGGER_TIME, Long.toString(START.getEpochSecond()),
            ManualCompactions.MAX_CONCURRENT_RUNNING_COUNT, "0");
    for (int i = 0; i < 5; i++) {
      tick(envs, R1, P0);
    }
    assertThat(compactions.status(R1, P0)).isEqualTo(ManualCompactionStatus.QUEUING);
  }

  @Test
  void aPeriodicTriggerFiresOncePerPassedTimeOfDay() {
    // 09:30 passed before START (10:00 UTC); 23:59 has not come yet
    Map<String, String> envs = ImmutableMap.of(ManualCompactions.PERIODIC_TRIGGER_TIME, "9:30, 23:59,25:00,x");
    for (int i = 0; i < 5; i++) {
      tick(envs, R1, P0);
    }
    assertThat(compactions.status(R1, P0)).isEqualTo(ManualCompactionStatus.FINISHED);
    for (int i = 0; i < 5; i++) {
      tick(envs, R1, P0);
    }
    assertThat(compactions.status(R1, P0)).isEqualTo(ManualCompactionStatus.FINISHED);
    now = now.plus(Duration.ofHours(13).plusMinutes(59)); // 23:59:10, past 23:59 the same day
    tick(envs, R1, P0);
    assertThat(compactions.status(R1, P0)).isEqualTo(ManualCompactionStatus.QUEUING);
  }

  @Test
  void eachServerHasItsOwnReplicas() {
    tick(onceAt(START), R1, P0);
    assertThat(compactions.status(R1, P0)).isEqualTo(ManualCompactionStatus.QUEUING);
    assertThat(compactions.status(R2, P0)).isEqualTo(ManualCompactionStatus.IDLE);
  }

  @Test
  void aReplicaThatGoesAwayLosesWhatWasRunningButNotItsLastFinish() {
    Map<String, String> envs = onceAt(START);
    for (int i = 0; i < 5; i++) {
      tick(envs, R1, P0);
    }
    tick(onceAt(now.plusSeconds(1)), R1, P0);
    tick(onceAt(now), R1, P0);
    assertThat(compactions.status(R1, P0)).isEqualTo(ManualCompactionStatus.RUNNING);
    tick(envs, R1); // R1 no longer hosts P0 (its server died)
    assertThat(compactions.status(R1, P0)).isEqualTo(ManualCompactionStatus.FINISHED);
  }
}
