package dev.pegasus.http.collector;

import dev.pegasus.http.collector.MetaBodies.TableInfo;
import dev.pegasus.http.collector.MetaClient.MetaResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns one round's cluster from the meta servers: the ALIVE replica servers ({@code
 * /meta/nodes}), the AVAILABLE tables ({@code /meta/apps}) and each table's partition primaries
 * ({@code /meta/app?name=<t>&detail}, looked up concurrently on the collector's workers).
 */
final class ClusterDiscovery {

  private static final Logger log = LoggerFactory.getLogger(ClusterDiscovery.class);

  private final MetaClient meta;
  private final ExecutorService workers;

  ClusterDiscovery(MetaClient meta, ExecutorService workers) {
    this.meta = meta;
    this.workers = workers;
  }

  /** The ALIVE servers, then every AVAILABLE table's partition primaries, looked up concurrently. */
  ClusterLayout discover() throws MetaUnavailableException, InterruptedException {
    List<String> alive = new ArrayList<>(new LinkedHashSet<>(parse(okFrom("/meta/nodes"), MetaBodies::aliveNodes)));
    List<TableInfo> tables = parse(okFrom("/meta/apps"), MetaBodies::availableTables);
    List<Future<Optional<TableLayout>>> lookups = new ArrayList<>();
    for (TableInfo table : tables) {
      lookups.add(workers.submit(() -> layoutOf(table)));
    }
    List<TableLayout> layouts = new ArrayList<>();
    try {
      for (Future<Optional<TableLayout>> lookup : lookups) {
        lookup.get().ifPresent(layouts::add);
      }
    } catch (ExecutionException e) {
      lookups.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof MetaUnavailableException m) {
        throw m;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException | CancellationException e) {
      lookups.forEach(f -> f.cancel(true));
      throw new InterruptedException("collector closed");
    }
    return new ClusterLayout(alive, layouts);
  }

  /**
   * A table's primaries; empty if it went away between the two meta calls (404 when dropped, 409
   * when no longer AVAILABLE) or was re-created with another id or partition count.
   */
  private Optional<TableLayout> layoutOf(TableInfo table) throws MetaUnavailableException {
    MetaResponse r = meta.get("/meta/app?name=" + QueryEncoding.encode(table.name()) + "&detail");
    if (r.status() != 200) {
      log.info("table {} skipped this round: /meta/app answered {}", table.name(), r.status());
      return Optional.empty();
    }
    TableLayout layout = parse(r, MetaBodies::tableLayout);
    if (layout.appId() != table.appId() || layout.partitionCount() != table.partitionCount()) {
      log.info("table {} skipped this round: it changed between /meta/apps and /meta/app", table.name());
      return Optional.empty();
    }
    return Optional.of(new TableLayout(table.appId(), table.name(), layout.partitionCount(), layout.primaries()));
  }

  private MetaResponse okFrom(String pathAndQuery) throws MetaUnavailableException {
    MetaResponse r = meta.get(pathAndQuery);
    if (r.status() != 200) {
      throw new MetaUnavailableException(pathAndQuery + " answered " + r.status() + " from " + r.from());
    }
    return r;
  }

  private interface BodyParser<T> {
    T parse(String body) throws IOException;
  }

  private static <T> T parse(MetaResponse r, BodyParser<T> parser) throws MetaUnavailableException {
    try {
      return parser.parse(r.body());
    } catch (IOException e) {
      throw new MetaUnavailableException("malformed answer from meta server " + r.from() + ": " + e.getMessage());
    }
  }
}
