package dev.pegasus.http.meta.zookeeper;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which leader ids read from ZooKeeper a backup may redirect to, and how the others are logged. */
final class LeaderIdValidatorTest {

  private static final List<String> METAS =
      List.of("127.0.0.1:34601", "127.0.0.1:34602", "meta-3.example:34603");

  private final LeaderIdValidator validator = new LeaderIdValidator(() -> METAS, "127.0.0.1:34601");

  @Test
  void aKnownMetaIsAccepted() {
    assertThat(validator.validate("127.0.0.1:34602")).hasValue("127.0.0.1:34602");
    assertThat(validator.validate("meta-3.example:34603")).hasValue("meta-3.example:34603");
  }

  @Test
  void anythingElseIsRefused() {
    for (String id :
        List.of(
            "evil.example:80",
            "127.0.0.1:34604",
            "127.0.0.1:34602\r\nX-Injected: 1",
            "127.0.0.1:34602 ",
            " 127.0.0.1:34602",
            "http://127.0.0.1:34602",
            "127.0.0.1:34602/x",
            "user@127.0.0.1:34602",
            "127.0.0.1:0",
            "127.0.0.1:+34602",
            "127.0.0.1",
            "",
            "x".repeat(100_000) + ":1")) {
      assertThat(validator.validate(id)).isEqualTo(Optional.empty());
    }
  }

  @Test
  void aGrowingListIsReadOnEveryValidation() {
    List<String> metas = new ArrayList<>(List.of("127.0.0.1:1"));
    LeaderIdValidator growing = new LeaderIdValidator(() -> metas, "127.0.0.1:1");
    assertThat(growing.validate("127.0.0.1:2")).isEmpty();
    metas.add("127.0.0.1:2");
    assertThat(growing.validate("127.0.0.1:2")).hasValue("127.0.0.1:2");
  }

  @Test
  void aFailingListMeansNoKnownPrimary() {
    LeaderIdValidator broken =
        new LeaderIdValidator(
            () -> {
              throw new IllegalStateException("no snapshot");
            },
            "127.0.0.1:1");
    assertThat(broken.validate("127.0.0.1:2")).isEmpty();
  }

  @Test
  void eachBadIdIsLoggedOnceSanitizedAndTheLogIsBounded() {
    String logged;
    try (StderrCapture err = new StderrCapture()) {
      for (int i = 0; i < 3; i++) {
        validator.validate("evil.example:80\r\nX-Injected: 1");
      }
      for (int i = 0; i < 100; i++) {
        validator.validate("evil-" + i + ".example:80");
      }
      logged = err.text();
    }
    List<String> lines =
        logged.lines().filter(l -> l.contains("LeaderIdValidator")).toList();
    assertThat(lines).hasSize(LeaderIdValidator.MAX_LOGGED + 1);
    assertThat(lines.get(0)).contains("\"evil.example:80\\r\\nX-Injected: 1\"");
    assertThat(logged).doesNotContain("\r\nX-Injected");
    assertThat(lines.get(lines.size() - 1)).contains("not logging further ones");
  }
}
