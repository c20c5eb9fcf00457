package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.SortedJson;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import dev.pegasus.http.meta.ExtraScrapeTargets;
import dev.pegasus.http.meta.MetaSnapshot;
import dev.pegasus.http.meta.MetaState;
import dev.pegasus.http.meta.NodeState;
import dev.pegasus.http.meta.ScrapeTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /meta/scrape_targets}: every server of the cluster in the format of Prometheus's HTTP
 * service discovery (a JSON array of {@code {"labels":{...},"targets":["host:port",...]}}), one
 * group per role: the meta servers of the meta list, every replica server the meta knows (alive
 * or not, so that a dead one shows as down rather than vanishing), then the host's {@link
 * ExtraScrapeTargets} (the collectors). Labels: {@code role}, {@code cluster} (this server's
 * {@code [replication] cluster_name}, {@code unknown} when unset, as {@code /metrics} prints it),
 * and {@code __scheme__="https"} when this meta serves TLS, since a cluster serves one scheme on
 * every server.
 *
 * <p>Under {@code /meta/} so that a backup redirects it to the primary like the other meta
 * endpoints (Prometheus follows the 307), and named for what any scraper does with it rather than
 * after one tool: Prometheus, vmagent and Grafana Alloy read the same format.
 *
 * <p>{@code curl http://127.0.0.1:34601/meta/scrape_targets}
 */
final class ScrapeTargetsEndpoint implements HttpEndpoint {

  static final EndpointSpec SPEC =
      EndpointSpec.builder("/meta/scrape_targets")
          .summary("List every server of the cluster for Prometheus's HTTP service discovery.")
          .build();

  private final MetaState state;
  private final ExtraScrapeTargets extra;
  private final Supplier<String> clusterName;
  private final boolean tls;

  ScrapeTargetsEndpoint(
      MetaState state, ExtraScrapeTargets extra, Supplier<String> clusterName, boolean tls) {
    this.state = state;
    this.extra = extra;
    this.clusterName = clusterName;
    this.tls = tls;
  }

  @Override
  public EndpointSpec spec() {
    return SPEC;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    return HttpResponse.json(body(state.snapshot(), extra.targets(), clusterName.get(), tls));
  }

  static String body(
      MetaSnapshot snapshot, List<ScrapeTarget> extraTargets, String cluster, boolean tls) {
    // Role -> addresses, in listing order: metas, replicas, then the host's roles as first seen.
    Map<String, List<String>> byRole = new LinkedHashMap<>();
    snapshot.cluster().metaServers().forEach(m -> add(byRole, "meta", m));
    for (NodeState node : snapshot.nodes()) {
      add(byRole, "replica", node.address().toString());
    }
    for (ScrapeTarget target : extraTargets) {
      add(byRole, target.role(), target.address().toString());
    }
    List<Map<String, Object>> groups = new ArrayList<>(byRole.size());
    byRole.forEach(
        (role, targets) -> {
          Map<String, String> labels = new LinkedHashMap<>();
          labels.put("role", role);
          labels.put("cluster", cluster);
          if (tls) {
            labels.put("__scheme__", "https");
          }
          groups.add(Map.of("targets", targets, "labels", labels));
        });
    return SortedJson.write(groups) + "\n";
  }

  private static void add(Map<String, List<String>> byRole, String role, String address) {
    byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(address);
  }
}
