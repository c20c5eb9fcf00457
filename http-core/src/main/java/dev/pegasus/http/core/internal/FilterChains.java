package dev.pegasus.http.core.internal;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.core.internal.filters.AccessPolicyFilter;
import dev.pegasus.http.core.internal.filters.AuditFilter;
import dev.pegasus.http.core.internal.filters.CrossSiteWriteFilter;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpFilter;
import dev.pegasus.http.core.spi.ScopedFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds each endpoint's filter chain once, when the server is built, so that a request allocates
 * no chain. The order (docs/architecture.md): the built-ins that apply to the endpoint (audit and
 * the cross-site check for writes, the access policy for sensitive endpoints), then the providers'
 * filters whose patterns match its path, in discovery order, then the builder's, then the JSON
 * body's decoding, then the endpoint.
 */
final class FilterChains {

  private final ImmutableList<ScopedFilter> filters;
  private final ImmutableList<PathPattern[]> patterns;
  private final AuditFilter audit;
  private final AccessPolicyFilter accessPolicy;
  private final CrossSiteWriteFilter crossSite = new CrossSiteWriteFilter();

  FilterChains(List<ScopedFilter> filters, AccessPolicy policy, String role) {
    this.filters = ImmutableList.copyOf(filters);
    ImmutableList.Builder<PathPattern[]> compiled = ImmutableList.builder();
    for (ScopedFilter f : filters) {
      compiled.add(f.pathPatterns().stream().map(PathPattern::new).toArray(PathPattern[]::new));
    }
    this.patterns = compiled.build();
    this.audit = new AuditFilter(policy, role);
    this.accessPolicy = new AccessPolicyFilter(policy);
  }

  /** The whole chain of one endpoint. */
  HttpFilter.Chain chainFor(HttpEndpoint endpoint, EndpointSpec spec) {
    HttpFilter.Chain chain = terminal(endpoint, spec);
    List<Named> applicable = filtersFor(spec);
    for (int i = applicable.size() - 1; i >= 0; i--) {
      HttpFilter filter = applicable.get(i).filter();
      HttpFilter.Chain next = chain;
      chain = request -> filter.filter(request, spec, next);
    }
    return chain;
  }

  private record Named(String name, HttpFilter filter) {}

  private List<Named> filtersFor(EndpointSpec spec) {
    List<Named> applicable = new ArrayList<>();
    if (spec.changesState()) {
      applicable.add(new Named("audit", audit));
    }
    if (spec.isSensitive()) {
      applicable.add(new Named("access-policy", accessPolicy));
    }
    if (spec.changesState()) {
      applicable.add(new Named("cross-site-writes", crossSite));
    }
    for (int i = 0; i < filters.size(); i++) {
      if (applies(patterns.get(i), spec.path())) {
        applicable.add(new Named(filters.get(i).name(), filters.get(i).filter()));
      }
    }
    return applicable;
  }

  private static boolean applies(PathPattern[] patterns, String path) {
    if (patterns.length == 0) {
      return true;
    }
    for (PathPattern p : patterns) {
      if (p.matches(path)) {
        return true;
      }
    }
    return false;
  }

  private static HttpFilter.Chain terminal(HttpEndpoint endpoint, EndpointSpec spec) {
    if (spec.jsonBodyType().isEmpty()) {
      return endpoint::handle;
    }
    return request -> endpoint.handle(request.withJsonBody(JsonBodyDecoder.decode(spec, request.body())));
  }
}
