package dev.pegasus.http.meta;

import java.util.List;

/**
 * The servers of a cluster that a Pegasus meta does not know (it never learns where the collectors
 * run), for {@code /meta/scrape_targets} to list beside the metas and replica servers. A host
 * registers one in the meta's context:
 *
 * <pre>{@code
 * builder.service(ExtraScrapeTargets.class,
 *     () -> List.of(ScrapeTarget.collector(HostPort.parse("10.0.0.5:34101"))));
 * }</pre>
 *
 * <p>It is asked on every request, so a server that starts after the meta (or moves) is listed as
 * soon as the host knows its address.
 */
@FunctionalInterface
public interface ExtraScrapeTargets {

  /** The targets now, in the order to list them. */
  List<ScrapeTarget> targets();

  /** No extra targets: what a meta lists when the host registered none. */
  static ExtraScrapeTargets none() {
    return List::of;
  }
}
