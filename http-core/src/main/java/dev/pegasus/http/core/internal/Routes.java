package dev.pegasus.http.core.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.SortedJson;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's endpoints by exact normalised path, without the ones the configuration disables.
 * Two endpoints on one path fail the build with a message naming both origins.
 */
@Singleton
public final class Routes {

  private static final Logger log = LoggerFactory.getLogger(Routes.class);

  /** An endpoint with its spec, read once, and its filter chain, built once. */
  public record Route(HttpEndpoint endpoint, EndpointSpec spec, HttpFilter.Chain chain) {}

  private final ImmutableMap<String, Route> byPath;
  private final ImmutableList<EndpointSpec> specs;

  @Inject
  public Routes(
      Set<HttpEndpoint> endpoints,
      EndpointDiscovery discovery,
      ServerConfig config,
      AccessPolicy policy,
      ServerResources resources) {
    try {
      build(endpoints, discovery, config, new FilterChains(discovery.filters(), policy, config.role()));
    } catch (RuntimeException | Error e) {
      resources.closeAll();
      throw e;
    }
    this.byPath = builtPaths;
    this.specs = builtSpecs;
  }

  private ImmutableMap<String, Route> builtPaths;
  private ImmutableList<EndpointSpec> builtSpecs;

  private void build(
      Set<HttpEndpoint> endpoints, EndpointDiscovery discovery, ServerConfig config, FilterChains chains) {
    Map<String, HttpEndpoint> replacing = new HashMap<>();
    for (HttpEndpoint replacement : discovery.replacements()) {
      if (replacing.put(replacement.spec().path(), replacement) != null) {
        throw new IllegalStateException("two endpoints replace " + replacement.spec().path());
      }
    }
    Map<String, HttpEndpoint> claimed = new HashMap<>();
    Map<String, Route> enabled = new HashMap<>();
    List<HttpEndpoint> all = new ArrayList<>();
    for (HttpEndpoint endpoint : endpoints) {
      HttpEndpoint replacement = replacing.remove(endpoint.spec().path());
      if (replacement != null) {
        log.info(
            "[{}] {} replaces {} on {}",
            config.role(),
            discovery.originOf(replacement),
            discovery.originOf(endpoint),
            endpoint.spec().path());
        all.add(replacement);
      } else if (!discovery.replacements().contains(endpoint)) {
        all.add(endpoint);
      }
    }
    if (!replacing.isEmpty()) {
      throw new IllegalStateException(
          "replaceEndpoint: no endpoint to replace on " + replacing.keySet()
              + "; use endpoint(..) for a new path");
    }
    for (HttpEndpoint endpoint : all) {
      EndpointSpec spec = endpoint.spec();
      HttpEndpoint previous = claimed.putIfAbsent(spec.path(), endpoint);
      if (previous != null) {
        throw new IllegalStateException(
            "two endpoints claim " + spec.path() + ": " + discovery.originOf(previous) + " and "
                + discovery.originOf(endpoint));
      }
      if (config.disables(spec.path())) {
        log.info("[{}] {} is disabled by configuration", config.role(), spec.path());
        continue;
      }
      enabled.put(spec.path(), new Route(endpoint, spec, chains.chainFor(endpoint, spec)));
    }
    List<String> paths = new ArrayList<>(enabled.keySet());
    paths.sort(SortedJson.BYTE_ORDER);
    ImmutableMap.Builder<String, Route> ordered = ImmutableMap.builder();
    ImmutableList.Builder<EndpointSpec> orderedSpecs = ImmutableList.builder();
    for (String path : paths) {
      ordered.put(path, enabled.get(path));
      orderedSpecs.add(enabled.get(path).spec());
    }
    this.builtPaths = ordered.build();
    this.builtSpecs = orderedSpecs.build();
  }

  /** The route for an exact normalised path, or null. */
  public Route find(String path) {
    return byPath.get(path);
  }

  /** The enabled endpoints' specs, in byte order of their paths. */
  public ImmutableList<EndpointSpec> specs() {
    return specs;
  }
}
