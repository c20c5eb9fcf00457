package dev.pegasus.http.core.internal;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference's parse_url cases. */
final class RequestPathTest {

  @ParameterizedTest
  @CsvSource({
    "'', /",
    "/, /",
    "///, /",
    "/threads, /threads",
    "/threads/, /threads",
    "//pprof/heap/, /pprof/heap",
    "//pprof///heap, /pprof/heap",
    "/pprof/heap/arg/, /pprof/heap/arg",
    "/pprof///heap///arg/, /pprof/heap/arg",
    "/pprof%2Fheap, /pprof/heap",
    "/Meta/App, /Meta/App"
  })
  void normalises(String raw, String expected) throws Exception {
    assertThat(RequestPath.normalise(raw)).isEqualTo(expected);
  }
}
