package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.Flag;
import dev.pegasus.http.core.Flags;
import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.spi.EndpointContext;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * This server's cluster name as {@code /metrics} prints it: the {@code [replication]
 * cluster_name} flag (which a configuration file may set after the providers ran, hence read on
 * every call), else the {@link ServerConfig}'s, and {@code unknown} when both are empty, as Pegasus
 * master prints an unset name.
 */
final class ClusterName implements Supplier<String> {

  static final String FLAG = "cluster_name";
  static final String UNSET = "unknown";

  private final Optional<Flags> flags;
  private final String configured;

  private ClusterName(Optional<Flags> flags, String configured) {
    this.flags = flags;
    this.configured = configured;
  }

  static ClusterName of(EndpointContext context) {
    return new ClusterName(
        context.find(Flags.class),
        context.find(ServerConfig.class).map(ServerConfig::clusterName).orElse(""));
  }

  @Override
  public String get() {
    String name =
        flags
            .flatMap(f -> f.find(FLAG))
            .filter(f -> "replication".equals(f.section()))
            .map(Flag::get)
            .map(String::valueOf)
            .orElse(configured);
    return name.isEmpty() ? UNSET : name;
  }
}
