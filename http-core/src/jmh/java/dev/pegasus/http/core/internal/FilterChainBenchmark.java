package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpFilter;
import dev.pegasus.http.core.spi.HttpMethod;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.ScopedFilter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one request costs in the filter chain alone (the endpoint returns a ready response):
 * an endpoint no filter applies to, one under two scoped pass-through filters, and a sensitive
 * one under the access policy. Run with {@code -prof gc} for the allocation per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class FilterChainBenchmark {

  private static final HttpResponse READY = HttpResponse.text("ok\n");

  private HttpFilter.Chain plain;
  private HttpFilter.Chain twoFilters;
  private HttpFilter.Chain sensitive;
  private HttpRequest request;

  private static HttpEndpoint endpoint(EndpointSpec spec) {
    return new HttpEndpoint() {
      @Override
      public EndpointSpec spec() {
        return spec;
      }

      @Override
      public HttpResponse handle(HttpRequest r) {
        return READY;
      }
    };
  }

  @Setup
  public void setUp() {
    HttpFilter passThrough = (r, spec, next) -> next.proceed(r);
    List<ScopedFilter> filters =
        List.of(
            ScopedFilter.of("a", passThrough, "/filtered/*"),
            ScopedFilter.of("b", passThrough, "/filtered/*", "/other"));
    ServerConfig config = ServerConfig.builder().build();
    FilterChains chains = new FilterChains(filters, new AccessPolicy(config), "bench");
    EndpointSpec plainSpec = EndpointSpec.builder("/version").summary("x").build();
    EndpointSpec filteredSpec = EndpointSpec.builder("/filtered/x").summary("x").build();
    EndpointSpec sensitiveSpec = EndpointSpec.builder("/pprof/cmdline").summary("x").sensitive().build();
    plain = chains.chainFor(endpoint(plainSpec), plainSpec);
    twoFilters = chains.chainFor(endpoint(filteredSpec), filteredSpec);
    sensitive = chains.chainFor(endpoint(sensitiveSpec), sensitiveSpec);
    request =
        HttpRequest.builder(HttpMethod.GET, "/x")
            .remoteAddress(new InetSocketAddress("127.0.0.1", 40000))
            .build();
  }

  @Benchmark
  public HttpResponse noFilter() throws EndpointException {
    return plain.proceed(request);
  }

  @Benchmark
  public HttpResponse twoScopedFilters() throws EndpointException {
    return twoFilters.proceed(request);
  }

  @Benchmark
  public HttpResponse accessPolicy() throws EndpointException {
    return sensitive.proceed(request);
  }
}
