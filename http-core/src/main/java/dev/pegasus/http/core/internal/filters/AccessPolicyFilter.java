package dev.pegasus.http.core.internal.filters;

import dev.pegasus.http.core.internal.AccessPolicy;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpFilter;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;

/** The access policy as a filter, on sensitive endpoints only: 401 or 403 before anything else. */
public final class AccessPolicyFilter implements HttpFilter {

  private final AccessPolicy policy;

  public AccessPolicyFilter(AccessPolicy policy) {
    this.policy = policy;
  }

  @Override
  public HttpResponse filter(HttpRequest request, EndpointSpec spec, Chain next)
      throws EndpointException {
    java.net.InetAddress remote = request.remoteAddress().getAddress();
    if (policy.admitsWithoutCredentials(spec, remote)) {
      return next.proceed(request);
    }
    policy.check(
        spec,
        remote,
        request.header("Authorization"),
        request.clientCertificate());
    return next.proceed(request);
  }
}
