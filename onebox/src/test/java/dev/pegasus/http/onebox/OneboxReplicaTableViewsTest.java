package dev.pegasus.http.onebox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.pegasus.http.testing.HttpCalls.get;
import static dev.pegasus.http.testing.Polling.pollUntil;

import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.testing.TestResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The onebox's replica servers on ephemeral ports, over HTTP: {@code /replica/data_version} as
 * admin-cli's {@code data-version} reads it (every server, all equal), and {@code
 * /replica/manual_compaction} following the {@code manual_compact.*} envs of a table, set here on
 * the model directly (the meta's {@code start_compaction} writes the same envs).
 */
final class OneboxReplicaTableViewsTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Pattern DATA_VERSION = Pattern.compile("\"(\\d+)\":\\{\"data_version\":\"(\\d+)\"\\}");

  static Onebox onebox;

  @BeforeAll
  static void start() {
    onebox = Onebox.start(OneboxOptions.ephemeral().withTimings(Duration.ofSeconds(1), Duration.ofSeconds(1)));
  }

  @AfterAll
  static void stop() {
    if (onebox != null) {
      onebox.close();
    }
  }

  private static String compaction(int finished, int idle, int queuing, int running) {
    return "{\"status\":{\"finished\":" + finished + ",\"idle\":" + idle + ",\"queuing\":" + queuing
        + ",\"running\":" + running + "}}";
  }

  @Test
  void everyReplicaServerReportsTheSameDataVersionForEveryPartition() {
    Set<String> versions = new HashSet<>();
    Set<String> partitions = new TreeSet<>();
    for (String url : onebox.replicaUrls()) {
      TestResponse r = get(url + "/replica/data_version?app_id=2");
      assertWithMessage("%s", url).that(r.status()).isEqualTo(200);
      Matcher m = DATA_VERSION.matcher(r.body());
      while (m.find()) {
        partitions.add(m.group(1));
        versions.add(m.group(2));
      }
    }
    assertThat(versions).containsExactly("1");
    assertThat(partitions).containsExactly("0", "1", "2", "3", "4", "5", "6", "7");
  }

  @Test
  void anAppIdNoReplicaServerHostsIs404OnEach() {
    for (String url : onebox.replicaUrls()) {
      TestResponse r = get(url + "/replica/data_version?app_id=99");
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.body()).contains("\"message\":\"app_id=99 not found\"");
      assertThat(get(url + "/replica/manual_compaction?app_id=99").body()).isEqualTo(compaction(0, 0, 0, 0));
    }
  }

  @Test
  void aOnceTriggerOnTempCompactsEveryReplicaWhileDisabledStatStaysIdle() {
    // 3 replica servers, 3 replicas per partition: each server hosts all 8 of temp's and 4 of stat's.
    for (String url : onebox.replicaUrls()) {
      assertThat(get(url + "/replica/manual_compaction?app_id=2").body()).isEqualTo(compaction(0, 8, 0, 0));
    }
    String now = Long.toString(Instant.now().getEpochSecond());
    ClusterModel model = onebox.model();
    Map<String, String> temp = new HashMap<>(model.metaSnapshot().table("temp").orElseThrow().app().envs());
    temp.put("manual_compact.once.trigger_time", now);
    Map<String, String> stat = new HashMap<>(model.metaSnapshot().table("stat").orElseThrow().app().envs());
    stat.putAll(ImmutableMap.of("manual_compact.once.trigger_time", now, "manual_compact.disabled", "true"));
    model.envs("stat", stat);
    model.envs("temp", temp);

    Set<String> seenOnFirst = new HashSet<>();
    String first = onebox.replicaUrls().get(0);
    pollUntil(
        "temp's replicas on " + first + " to finish",
        DEADLINE,
        () -> {
          String body = get(first + "/replica/manual_compaction?app_id=2").body();
          seenOnFirst.add(body);
          return body;
        },
        body -> body.equals(compaction(8, 0, 0, 0)));
    assertThat(seenOnFirst).contains(compaction(0, 0, 0, 8));
    for (String url : onebox.replicaUrls()) {
      pollUntil(
          "temp's replicas on " + url + " to finish",
          DEADLINE,
          () -> get(url + "/replica/manual_compaction?app_id=2").body(),
          body -> body.equals(compaction(8, 0, 0, 0)));
      assertThat(get(url + "/replica/manual_compaction?app_id=1").body()).isEqualTo(compaction(0, 4, 0, 0));
    }
  }
}
