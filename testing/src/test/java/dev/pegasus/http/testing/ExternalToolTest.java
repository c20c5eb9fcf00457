package dev.pegasus.http.testing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A missing tool skips the test that needs it, with a reason that says how to install it. */
final class ExternalToolTest {

  @Test
  void aMissingToolAbortsTheTestWithHowToInstallIt() {
    TestAbortedException e =
        assertThrows(
            TestAbortedException.class,
            () -> ExternalTool.require("no-such-tool-pegasus-http", "no-such-package"));
    assertThat(e)
        .hasMessageThat()
        .contains("no-such-tool-pegasus-http is not on the PATH (Debian: apt-get install no-such-package");
  }

  @Test
  void aToolOnThePathIsFound() {
    assertThat(ExternalTool.find("sh")).isPresent();
  }
}
