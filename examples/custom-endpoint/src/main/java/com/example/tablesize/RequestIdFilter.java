package com.example.tablesize;

import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpFilter;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import java.util.UUID;

// docs:begin filter
/** Answers every request it sees with an {@code X-Request-Id}: the client's, or a new one. */
final class RequestIdFilter implements HttpFilter {
  static final String HEADER = "X-Request-Id";

  @Override
  public HttpResponse filter(HttpRequest request, EndpointSpec spec, Chain next)
      throws EndpointException {
    String id = request.header(HEADER).orElseGet(() -> UUID.randomUUID().toString());
    try {
      return next.proceed(request).withHeader(HEADER, id);
    } catch (EndpointException e) {                          // the 404 carries it too
      throw e.withHeader(HEADER, id);
    }
  }
}
// docs:end filter
