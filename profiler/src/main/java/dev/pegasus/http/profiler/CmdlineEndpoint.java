package dev.pegasus.http.profiler;

import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.profiler.internal.CommandLine;

/**
 * {@code /pprof/cmdline}: the process's command line, one argument per line (the perl pprof
 * client names its reports after the first), with the values of secret options such as {@code
 * --admin-token} replaced by {@code ******} (see {@link CommandLine#redact}): loopback is no
 * proof of trust when a reverse proxy runs on the host.
 *
 * <p>{@code curl http://127.0.0.1:34801/pprof/cmdline}
 */
final class CmdlineEndpoint implements HttpEndpoint {

  private static final EndpointSpec SPEC =
      PprofSpecs.builder("/pprof/cmdline", "Gets the command line, one argument per line.").build();

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    return HttpResponse.text(CommandLine.text(CommandLine.arguments()));
  }
}
