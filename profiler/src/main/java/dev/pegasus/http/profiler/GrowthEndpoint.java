package dev.pegasus.http.profiler;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.profiler.internal.LegacyHeapProfileWriter;
import dev.pegasus.http.profiler.internal.ProfileData;
import dev.pegasus.http.profiler.internal.ProfileProtoWriter;

/**
 * {@code /pprof/growth[?format=proto]}: at once, the allocations by stack since the server
 * was built (the always-on, low-rate JFR allocation stream), as the gperftools {@code
 * heap profile: … @ growth} text or as gzipped profile.proto. {@code seconds} is accepted and
 * ignored, because {@code go tool pprof -seconds N} adds it to every URL.
 *
 * <p>{@code curl http://127.0.0.1:34801/pprof/growth}
 */
final class GrowthEndpoint implements HttpEndpoint {

  private final ProfilerState state;
  private final EndpointSpec spec;

  GrowthEndpoint(ProfilerState state) {
    this.state = state;
    this.spec =
        PprofSpecs.builder(
                "/pprof/growth",
                "Gets the allocations by stack since the server started, at once; gperftools text"
                    + " or format=proto.")
            .parameter(PprofSpecs.anySeconds())
            .parameter(PprofSpecs.format())
            .build();
  }

  @Override
  public EndpointSpec spec() {
    return spec;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    boolean proto = PprofSpecs.wantsProto(request);
    ProfileData data = state.growth().snapshot();
    return proto
        ? HttpResponse.binary(ProfileProtoWriter.write(data, state.symbols()))
        : HttpResponse.text(LegacyHeapProfileWriter.growth(data, state.symbols()));
  }
}
