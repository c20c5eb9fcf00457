package dev.pegasus.http.profiler;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpMethod;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.profiler.internal.HeapRecorder;
import dev.pegasus.http.profiler.internal.LegacyHeapProfileWriter;
import dev.pegasus.http.profiler.internal.ProfileData;
import dev.pegasus.http.profiler.internal.ProfileProtoWriter;
import java.time.Duration;

/**
 * {@code /pprof/heap?seconds=N[&format=proto]}: what was allocated where during N seconds (JFR
 * allocation samples), and what is in use per class at the end (class histogram), as the
 * gperftools {@code heap profile: … @ heapprofile} text or as gzipped profile.proto.
 *
 * <p>{@code curl 'http://127.0.0.1:34801/pprof/heap?seconds=5'}
 */
final class HeapEndpoint implements HttpEndpoint {

  private final ProfilerState state;
  private final EndpointSpec spec;
  private final HeapRecorder.Settings settings;

  HeapEndpoint(ProfilerState state) {
    this.state = state;
    ProfilerConfig config = state.config();
    this.settings =
        new HeapRecorder.Settings(
            config.heapSamplesPerSecond(), config.liveHeapHistogram(), config.maxHistogramClasses());
    this.spec =
        PprofSpecs.builder(
                "/pprof/heap",
                "Takes a heap profile over seconds (default " + config.defaultHeapSeconds()
                    + "): allocations by stack, in-use by class; gperftools text or format=proto.")
            .parameter(PprofSpecs.seconds())
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
    if (request.method() == HttpMethod.HEAD) {
      return proto ? HttpResponse.binary(new byte[0]) : HttpResponse.text("");
    }
    Duration length =
        Duration.ofSeconds(
            PprofSpecs.seconds(request, state, state.config().defaultHeapSeconds()));
    ProfileData data =
        ProfilingAction.run(
            state, request, "heap profile", length, c -> HeapRecorder.record(length, settings, c));
    return proto
        ? HttpResponse.binary(ProfileProtoWriter.write(data, state.symbols()))
        : HttpResponse.text(LegacyHeapProfileWriter.heap(data, state.symbols()));
  }
}
