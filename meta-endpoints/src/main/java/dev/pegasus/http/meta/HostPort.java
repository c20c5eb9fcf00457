package dev.pegasus.http.meta;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A server address as the meta prints it, {@code host:port}, ordered the way Pegasus orders its
 * {@code rpc_address} keys: IPv4 hosts as unsigned 32-bit numbers, then port ({@code 10.0.0.9:1}
 * before {@code 10.0.0.10:1}); hosts that are not IPv4 literals come after, by name, then port.
 *
 * <p>A final class rather than a record: it keeps its printed form and its sort key, because the
 * {@code /meta} bodies print and sort addresses many times per request.
 */
public final class HostPort implements Comparable<HostPort> {

  private final String host;
  private final int port;
  private final String text;
  private final long ipv4;

  private HostPort(String host, int port) {
    checkArgument(!host.isEmpty(), "an address needs a host");
    checkArgument(port >= 0 && port <= 65535, "port out of range: %s", port);
    this.host = host;
    this.port = port;
    this.text = host + ":" + port;
    this.ipv4 = ipv4(host);
  }

  /** The address of {@code host} (a name or an IPv4 literal) and {@code port}. */
  public static HostPort of(String host, int port) {
    return new HostPort(host, port);
  }

  /** Parses {@code host:port}, e.g. {@code 127.0.0.1:34801}. */
  public static HostPort parse(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    checkArgument(colon > 0 && colon < hostPort.length() - 1, "not host:port: \"%s\"", hostPort);
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not host:port: \"" + hostPort + "\"", e);
    }
    return new HostPort(hostPort.substring(0, colon), port);
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** True when the host is an IPv4 literal such as {@code 10.0.0.9}. */
  public boolean isIpv4() {
    return ipv4 >= 0;
  }

  @Override
  public int compareTo(HostPort other) {
    if (isIpv4() != other.isIpv4()) {
      return isIpv4() ? -1 : 1;
    }
    int byHost = isIpv4() ? Long.compare(ipv4, other.ipv4) : host.compareTo(other.host);
    return byHost != 0 ? byHost : Integer.compare(port, other.port);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostPort other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** {@code host:port}. */
  @Override
  public String toString() {
    return text;
  }

  /** The IPv4 literal as an unsigned 32-bit number, or -1 when the host is not one. */
  private static long ipv4(String host) {
    long value = 0;
    int octets = 0;
    int i = 0;
    int n = host.length();
    while (i < n) {
      int start = i;
      int octet = 0;
      while (i < n && host.charAt(i) >= '0' && host.charAt(i) <= '9' && i - start < 3) {
        octet = octet * 10 + (host.charAt(i) - '0');
        i++;
      }
      if (i == start || octet > 255) {
        return -1;
      }
      value = (value << 8) | octet;
      octets++;
      if (i == n) {
        break;
      }
      if (host.charAt(i) != '.' || octets == 4) {
        return -1;
      }
      i++;
      if (i == n) {
        return -1;
      }
    }
    return octets == 4 ? value : -1;
  }
}
