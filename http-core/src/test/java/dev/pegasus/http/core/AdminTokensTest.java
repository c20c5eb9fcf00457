package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AdminTokensTest {

  @TempDir Path dir;

  @Test
  void aFileGivesItsTokenWithoutTheLineEnd() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "0123456789abcdefXYZ\n");
    assertThat(AdminTokens.fromFile(file)).isEqualTo("0123456789abcdefXYZ");
    ServerConfig.builder().adminToken(AdminTokens.fromFile(file));
  }

  @Test
  void errorsNameTheFileAndNeverTheToken() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThat(assertThrows(IllegalArgumentException.class, () -> AdminTokens.fromFile(empty)))
        .hasMessageThat().contains("is empty");
    Path missing = dir.resolve("missing");
    assertThat(assertThrows(IllegalArgumentException.class, () -> AdminTokens.fromFile(missing)))
        .hasMessageThat().contains(missing.toString());
    Path twoLines = Files.writeString(dir.resolve("two"), "secret-secret-secret\nsecond-line\n");
    IllegalArgumentException weak =
        assertThrows(
            IllegalArgumentException.class,
            () -> ServerConfig.builder().adminToken(AdminTokens.fromFile(twoLines)));
    assertThat(weak).hasMessageThat().contains("control characters");
    assertThat(weak).hasMessageThat().doesNotContain("secret");
  }

  @Test
  void anUnsetVariableGivesNothing() {
    assertThat(AdminTokens.fromEnvironment("PEGASUS_HTTP_TEST_SURELY_UNSET")).isEmpty();
  }
}
