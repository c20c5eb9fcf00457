package dev.pegasus.http.core.internal.builtin;

import com.google.common.html.HtmlEscapers;
import dagger.Lazy;
import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.internal.Routes;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.inject.Inject;

/**
 * {@code /}: the endpoints this server serves, generated from their specs, as compact JSON
 * {@code {"/path":"<params>. <summary>",...}} in byte order of the path, or as an HTML page with
 * links for {@code Accept: text/html}.
 *
 * <p>{@code curl http://127.0.0.1:34601/}
 */
public final class RootHelpEndpoint implements HttpEndpoint {

  private static final EndpointSpec SPEC =
      EndpointSpec.builder("/").summary("List all supported calls.").nonBlocking().ignoresUndeclaredParameters().build();

  private final Lazy<Routes> routes;
  private final String role;

  @Inject
  RootHelpEndpoint(Lazy<Routes> routes, EndpointContext context) {
    this.routes = routes;
    this.role = context.role();
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    if (request.accepts("text/html")) {
      return HttpResponse.of(200, HttpResponse.HTML, html().getBytes(StandardCharsets.UTF_8));
    }
    TableJsonWriter json = new TableJsonWriter().beginObject();
    for (EndpointSpec spec : routes.get().specs()) {
      json.field(spec.path(), helpOf(spec));
    }
    return HttpResponse.json(json.endObject().finish());
  }

  private String html() {
    var esc = HtmlEscapers.htmlEscaper();
    StringBuilder page = new StringBuilder(2048);
    page.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>pegasus-http ")
        .append(esc.escape(role))
        .append("</title></head>\n<body><h1>pegasus-http: ")
        .append(esc.escape(role))
        .append("</h1>\n<table>\n<tr><th>path</th><th>parameters and summary</th></tr>\n");
    for (EndpointSpec spec : routes.get().specs()) {
      String path = esc.escape(spec.path());
      page.append("<tr><td><a href=\"").append(path).append("\">").append(path)
          .append("</a></td><td>").append(esc.escape(helpOf(spec))).append("</td></tr>\n");
    }
    return page.append("</table>\n</body></html>\n").toString();
  }

  /** The spec's help text; write operations say so, with their methods, so nobody GETs them by accident. */
  private static String helpOf(EndpointSpec spec) {
    if (!spec.changesState()) {
      return spec.helpText();
    }
    String methods =
        spec.methods().stream()
            .filter(m -> m != dev.pegasus.http.core.spi.HttpMethod.HEAD)
            .map(Enum::name)
            .sorted()
            .collect(java.util.stream.Collectors.joining("/"));
    return spec.helpText() + " [changes state; " + methods + "]";
  }
}
