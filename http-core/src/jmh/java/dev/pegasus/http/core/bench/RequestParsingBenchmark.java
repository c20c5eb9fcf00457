package dev.pegasus.http.core.bench;

import dev.pegasus.http.core.internal.ParameterBinder;
import dev.pegasus.http.core.internal.QueryParser;
import dev.pegasus.http.core.internal.RequestPath;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpMethod;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.Parameter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** What the framework adds to every request before the handler: path, query and parameters. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RequestParsingBenchmark {

  private final EndpointSpec spec =
      EndpointSpec.builder("/meta/app")
          .summary("Query app info.")
          .parameter(Parameter.string("name", "app_name").required())
          .parameter(Parameter.flag("detail"))
          .build();

  @Benchmark
  public HttpRequest metaAppWithDetail() throws EndpointException {
    String path = RequestPath.normalise("/meta/app");
    HttpRequest.Builder request = HttpRequest.builder(HttpMethod.GET, path);
    ParameterBinder.bind(spec, QueryParser.parse("name=temp&detail"), request);
    return request.build();
  }

  @Benchmark
  public HttpRequest perfCounterWithEscape() throws EndpointException {
    HttpRequest.Builder request = HttpRequest.builder(HttpMethod.GET, RequestPath.normalise("//meta///app/"));
    ParameterBinder.bind(
        spec, QueryParser.parse("name=collector*app.pegasus*app.stat.read_qps%23_all_"), request);
    return request.build();
  }
}
