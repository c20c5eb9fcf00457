package dev.pegasus.http.testing;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.ResponseSubject.assertThat;

import dev.pegasus.http.core.RateCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class ManualClockTest {

  static final ManualClock clock = ManualClock.at("2019-08-13T08:22:00Z");

  @RegisterExtension
  static final PegasusServerExtension server =
      PegasusServerExtension.perClass(b -> clock.installOn(b.role("replica")));

  @Test
  void movesOnlyWhenAdvanced() {
    ManualClock c = ManualClock.at("2026-01-01T00:00:00Z");
    long nanos = c.nanoTime();
    c.advance(Duration.ofSeconds(3));

    assertThat(c.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:03Z"));
    assertThat(c.nanoTime() - nanos).isEqualTo(3_000_000_000L);
  }

  @Test
  void settingTheWallClockLeavesTheMonotonicOne() {
    ManualClock c = ManualClock.at("2026-01-01T00:00:00Z");
    long nanos = c.nanoTime();
    c.setInstant(Instant.parse("2025-01-01T00:00:00Z"));

    assertThat(c.instant()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(c.nanoTime()).isEqualTo(nanos);
  }

  @Test
  void zoneViewsShareTheTime() {
    ManualClock c = ManualClock.at("2026-01-01T00:00:00Z");
    Clock shanghai = c.withZone(ZoneId.of("Asia/Shanghai"));
    c.advance(Duration.ofMinutes(1));

    assertThat(shanghai.instant()).isEqualTo(c.instant());
    assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void rateCountersDivideByTheManualTime() {
    RateCounter rate = server.server().counters().rate("replica", "app.pegasus", "get_qps", "gets per second");
    rate.takeRate();
    rate.add(50);
    clock.advance(Duration.ofSeconds(10));

    assertThat(server.get("/perfCounter?name=replica*app.pegasus*get_qps")).hasJsonField("/value", "5.00");
  }

  @Test
  void theServerReadsTheWallClock() {
    assertThat(server.get("/recentStartTime")).jsonField("/RecentStartTime").isEqualTo("2019-08-13 08:22:00");
  }
}
