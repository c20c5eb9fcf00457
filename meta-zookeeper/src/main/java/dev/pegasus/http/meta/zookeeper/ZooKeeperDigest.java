package dev.pegasus.http.meta.zookeeper;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A ZooKeeper {@code digest} identity, {@code user:password}, for {@link
 * ZooKeeperMetaLeadership.Builder#digestAuth}: the metas authenticate with it and create their
 * election nodes readable and writable by this identity only. Every meta of a cluster must use the
 * same one.
 *
 * <p>The password is never printed: {@link #toString()} shows the user only.
 *
 * <pre>{@code
 * ZooKeeperDigest digest = ZooKeeperDigest.of("pegasus-meta", System.getenv("META_ZK_PASSWORD"));
 * }</pre>
 */
public final class ZooKeeperDigest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String user;
  private final String password;

  private ZooKeeperDigest(String user, String password) {
    checkArgument(!user.isEmpty() && user.indexOf(':') < 0, "a digest user is non-empty, without ':'");
    checkArgument(!password.isEmpty(), "an empty digest password");
    this.user = user;
    this.password = password;
  }

  /** The identity {@code user} with {@code password}; the user may not contain {@code :}. */
  public static ZooKeeperDigest of(String user, String password) {
    return new ZooKeeperDigest(user, password);
  }

  /**
   * The identity {@code user} with a fresh random password (192 bits), for a cluster that lives
   * no longer than this process, such as the onebox.
   */
  public static ZooKeeperDigest withRandomPassword(String user) {
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    return new ZooKeeperDigest(user, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** The user name. */
  public String user() {
    return user;
  }

  /** {@code user:password} as ZooKeeper's {@code digest} scheme wants it in {@code addAuthInfo}. */
  public byte[] authInfo() {
    return (user + ":" + password).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code digest user <name>}: never the password. */
  @Override
  public String toString() {
    return "digest user " + user;
  }
}
