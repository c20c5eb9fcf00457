package dev.pegasus.http.profiler;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpMethod;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.profiler.internal.CpuRecorder;
import dev.pegasus.http.profiler.internal.LegacyCpuProfileWriter;
import dev.pegasus.http.profiler.internal.ProfileData;
import dev.pegasus.http.profiler.internal.ProfileProtoWriter;
import java.time.Duration;

/**
 * {@code /pprof/profile?seconds=N[&format=proto]}: a CPU profile of the JVM over N seconds
 * (JFR execution samples), in the gperftools binary format or as gzipped profile.proto.
 *
 * <p>{@code curl -o cpu.prof 'http://127.0.0.1:34801/pprof/profile?seconds=5'}
 */
final class ProfileEndpoint implements HttpEndpoint {

  private final ProfilerState state;
  private final EndpointSpec spec;

  ProfileEndpoint(ProfilerState state) {
    this.state = state;
    ProfilerConfig config = state.config();
    this.spec =
        PprofSpecs.builder(
                "/pprof/profile",
                "Takes a CPU profile over seconds (default " + config.defaultProfileSeconds()
                    + "), gperftools format or format=proto.")
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
      return HttpResponse.binary(new byte[0]);
    }
    ProfilerConfig config = state.config();
    Duration length =
        Duration.ofSeconds(PprofSpecs.seconds(request, state, config.defaultProfileSeconds()));
    ProfileData data =
        ProfilingAction.run(
            state,
            request,
            "CPU profile",
            length,
            c -> CpuRecorder.record(length, config.cpuSamplingPeriod(), c));
    return HttpResponse.binary(
        proto
            ? ProfileProtoWriter.write(data, state.symbols())
            : LegacyCpuProfileWriter.write(data, 0, state.symbols()));
  }
}
