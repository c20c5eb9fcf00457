package dev.pegasus.http.profiler;

import static com.google.common.truth.Truth.assertThat;
import static dev.pegasus.http.testing.HttpCalls.get;

import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.testing.TestResponse;
import org.junit.jupiter.api.Test;

/** {@code [pegasus.profiler] max_profile_seconds}: the longest window, changed at run time. */
final class ProfilerFlagsTest {

  @Test
  void aNewMaximumAppliesToTheNextRequest() {
    try (PegasusHttpServer server = PegasusHttpServer.builder().role("replica").build().start()) {
      assertThat(get(server, "/config?name=max_profile_seconds").body()).contains("\"value\":\"300\"");
      assertThat(get(server, "/updateConfig?max_profile_seconds=5").body())
          .isEqualTo("{\"update_status\":\"ERR_OK\"}\n");
      TestResponse tooLong = get(server, "/pprof/profile?seconds=6");
      assertThat(tooLong.status()).isEqualTo(400);
      assertThat(tooLong.body()).isEqualTo("invalid seconds \"6\": expected an integer from 1 to 5\n");
      assertThat(get(server, "/pprof/heap?seconds=6").body()).contains("expected an integer from 1 to 5");
      assertThat(get(server, "/updateConfig?max_profile_seconds=0").body())
          .contains("ERR_INVALID_PARAMETERS: value validation failed");
    }
  }
}
