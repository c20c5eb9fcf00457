package com.example.tablesize;

import dev.pegasus.http.core.TableJsonWriter;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpMethod;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.core.spi.Parameter;

// docs:begin endpoint
/** {@code curl 'http://127.0.0.1:34801/example/table_size?name=temp'} */
final class TableSizeEndpoint implements HttpEndpoint {
  private static final EndpointSpec SPEC = EndpointSpec.builder("/example/table_size")
      .summary("Bytes on disk of one table.")
      .parameter(Parameter.string("name", "app_name").required())
      .methods(HttpMethod.GET, HttpMethod.HEAD)               // a POST is a 405
      .build();
  private final StorageEngine.SizeReader sizes;

  TableSizeEndpoint(StorageEngine.SizeReader sizes) { this.sizes = sizes; }

  @Override public EndpointSpec spec() { return SPEC; }

  @Override
  public HttpResponse handle(HttpRequest request) throws EndpointException {
    String name = request.requiredString("name");        // declared required: always present
    long bytes = sizes.bytesOf(name)
        .orElseThrow(() -> EndpointException.notFound("table not found: \"" + name + "\""));
    return HttpResponse.json(new TableJsonWriter().beginObject()
        .field("app_name", name).field("bytes", bytes).endObject().finish());
  }
}
// docs:end endpoint
