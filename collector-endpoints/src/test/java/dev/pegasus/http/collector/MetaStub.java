package dev.pegasus.http.collector;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of a test-only meta server ({@link MetaStubProvider} serves it): replica servers with
 * their liveness, AVAILABLE tables with each partition's primary and secondaries, and whether this
 * meta is the primary, a backup that redirects to one, or a meta that knows no primary (503).
 */
public final class MetaStub {

  /** One partition's replicas; {@code primary} is null when it has none. */
  public record Partition(String primary, List<String> secondaries) {

    public static Partition of(String primary, String... secondaries) {
      return new Partition(primary, List.of(secondaries));
    }
  }

  /** One AVAILABLE table. */
  public record Table(int appId, String name, List<Partition> partitions) {}

  private final Map<String, Boolean> nodes = new LinkedHashMap<>();
  private final Map<String, Table> tables = new TreeMap<>();
  private String redirectTo;
  private boolean noPrimary;

  public synchronized MetaStub node(String address, boolean alive) {
    nodes.put(address, alive);
    return this;
  }

  public synchronized MetaStub table(int appId, String name, Partition... partitions) {
    tables.put(name, new Table(appId, name, List.of(partitions)));
    return this;
  }

  public synchronized MetaStub dropTable(String name) {
    tables.remove(name);
    return this;
  }

  /** Makes this meta a backup that answers 307 to {@code primary} ({@code host:port}). */
  public synchronized MetaStub redirectTo(String primary) {
    this.redirectTo = primary;
    return this;
  }

  /** Makes this meta answer 503: it knows no primary. */
  public synchronized MetaStub noPrimary(boolean none) {
    this.noPrimary = none;
    return this;
  }

  synchronized String redirectTarget() {
    return redirectTo;
  }

  synchronized boolean knowsNoPrimary() {
    return noPrimary;
  }

  /** Nodes ordered as Pegasus orders addresses: IPv4 as a number, then port. */
  synchronized List<Map.Entry<String, Boolean>> nodes() {
    List<Map.Entry<String, Boolean>> all = new ArrayList<>(nodes.entrySet());
    all.sort(Comparator.comparing((Map.Entry<String, Boolean> e) -> ipv4(e.getKey()))
        .thenComparing(e -> port(e.getKey())));
    return all;
  }

  /** Tables in app id order, as {@code /meta/apps} lists them. */
  synchronized List<Table> tables() {
    List<Table> all = new ArrayList<>(tables.values());
    all.sort(Comparator.comparingInt(Table::appId));
    return ImmutableList.copyOf(all);
  }

  synchronized Table table(String name) {
    return tables.get(name);
  }

  private static long ipv4(String address) {
    String[] parts = address.substring(0, address.lastIndexOf(':')).split("\\.");
    long value = 0;
    for (String p : parts) {
      value = value * 256 + Long.parseLong(p);
    }
    return value;
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }
}
