package dev.pegasus.http.meta;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A {@link MetaLeadership} whose roles never change: this meta is the primary ({@link #self()}), a
 * backup of a fixed primary ({@link #backupOf}), or a backup that knows no primary ({@link
 * #noPrimary()}, every {@code /meta/*} request gets 503). For a single meta server and for tests.
 */
public final class StaticMetaLeadership implements MetaLeadership {

  private final boolean isPrimary;
  private volatile String primaryAddress;

  private StaticMetaLeadership(boolean isPrimary, String primaryAddress) {
    this.isPrimary = isPrimary;
    this.primaryAddress = primaryAddress;
  }

  /** This meta is the primary; its address is the one given to {@link #start}. */
  public static StaticMetaLeadership self() {
    return new StaticMetaLeadership(true, null);
  }

  /** This meta is the primary, at this {@code host:port}. */
  public static StaticMetaLeadership self(String advertisedAddress) {
    return new StaticMetaLeadership(true, requireNonNull(advertisedAddress));
  }

  /** This meta is a backup of the primary at {@code host:port}. */
  public static StaticMetaLeadership backupOf(String primaryAddress) {
    return new StaticMetaLeadership(false, requireNonNull(primaryAddress));
  }

  /** This meta is a backup and no primary is known. */
  public static StaticMetaLeadership noPrimary() {
    return new StaticMetaLeadership(false, null);
  }

  @Override
  public boolean isPrimary() {
    return isPrimary;
  }

  @Override
  public Optional<String> primary() {
    return Optional.ofNullable(primaryAddress);
  }

  /** A primary created with {@link #self()} learns its own address here. */
  @Override
  public void start(String advertisedAddress) {
    if (isPrimary && primaryAddress == null) {
      primaryAddress = requireNonNull(advertisedAddress);
    }
  }

  @Override
  public String toString() {
    return isPrimary ? "primary " + primaryAddress : "backup of " + primaryAddress;
  }
}
