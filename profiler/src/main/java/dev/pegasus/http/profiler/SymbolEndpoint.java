package dev.pegasus.http.profiler;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpMethod;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.profiler.internal.SymbolRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /pprof/symbol}: GET and HEAD answer {@code num_symbols: N} (never 0, which the perl
 * client takes for a stripped binary); POST resolves the {@code +}-separated hexadecimal
 * addresses of its raw body (whatever its content type: {@code curl -d} sends it as a form) to
 * one {@code 0x%016x<TAB>name} line each.
 *
 * <p>{@code curl -d '0x10000018+0x10000027' http://127.0.0.1:34801/pprof/symbol}
 */
final class SymbolEndpoint implements HttpEndpoint {

  private static final EndpointSpec SPEC =
      PprofSpecs.builder(
              "/pprof/symbol",
              "Gets num_symbols; POST '+'-separated hex addresses to resolve them to names.")
          .acceptsBody()
          .build();

  private final ProfilerState state;

  SymbolEndpoint(ProfilerState state) {
    this.state = state;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    if (request.method() != HttpMethod.POST) {
      return HttpResponse.text("num_symbols: " + Math.max(1, state.symbols().size()) + "\n");
    }
    List<Long> addresses;
    try {
      addresses = SymbolRequest.parse(new String(request.body(), StandardCharsets.ISO_8859_1));
    } catch (IllegalArgumentException e) {
      throw EndpointException.badRequest(e.getMessage());
    }
    return HttpResponse.text(SymbolRequest.answer(addresses, state.symbols()));
  }
}
