package dev.pegasus.http.core;

/**
 * The name of the cluster a server belongs to, as {@code /metrics}, the Prometheus labels and the
 * meta's scrape targets print it: the flag {@code [replication] cluster_name} (which a
 * configuration file may set after the providers ran, so it is read on every call), else the
 * {@link ServerConfig#clusterName()}, and {@code unknown} when both are empty, as Pegasus master
 * prints an unset name.
 */
public final class ClusterName {

  /** The flag's section. */
  public static final String SECTION = "replication";

  /** The flag's name. */
  public static final String FLAG = "cluster_name";

  /** What an unset name prints as. */
  public static final String UNSET = "unknown";

  private ClusterName() {}

  /** The name now, from the server's flags and its configuration. */
  public static String of(Flags flags, ServerConfig config) {
    String name =
        flags
            .find(FLAG)
            .filter(f -> SECTION.equals(f.section()))
            .map(f -> String.valueOf(f.get()))
            .orElse(config.clusterName());
    return name.isEmpty() ? UNSET : name;
  }
}
