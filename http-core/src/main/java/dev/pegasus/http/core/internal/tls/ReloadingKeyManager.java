package dev.pegasus.http.core.internal.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Offers the one certificate of a server (or of a client), as currently loaded. The JDK asks
 * for an alias first and for its chain and key afterwards, so every load has its own alias and
 * the last few loads stay reachable by theirs: a handshake that straddles a reload still gets a
 * chain and a key that belong together.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {

  /** Loads kept reachable by alias; a handshake outliving several reloads is not a concern. */
  private static final int KEPT_LOADS = 4;

  private final ReloadingFiles<TlsIdentity> identity;
  private final Map<String, TlsIdentity> byAlias = new ConcurrentHashMap<>();

  ReloadingKeyManager(IdentityFiles files) {
    this.identity = files.reloading(this::remember);
    remember(identity.current());
  }

  private void remember(TlsIdentity loaded) {
    byAlias.put(loaded.alias(), loaded);
    long generation = IdentityFiles.generationOf(loaded.alias());
    byAlias.keySet().removeIf(a -> IdentityFiles.generationOf(a) <= generation - KEPT_LOADS);
  }

  private String aliasFor(String keyType) {
    TlsIdentity current = identity.current();
    return matches(keyType, current.key()) ? current.alias() : null;
  }

  /**
   * A client's alias: as the JDK's own key manager does, none when the server named the CAs it
   * accepts and ours is not among them, so that the handshake goes on without a certificate
   * (public endpoints still work) instead of failing on one the server cannot verify.
   */
  private String clientAliasFor(String[] keyTypes, Principal[] issuers) {
    if (keyTypes == null) {
      return null;
    }
    if (issuers != null && issuers.length > 0 && !issuedByOneOf(identity.current().chain(), issuers)) {
      return null;
    }
    for (String keyType : keyTypes) {
      String alias = aliasFor(keyType);
      if (alias != null) {
        return alias;
      }
    }
    return null;
  }

  private static boolean issuedByOneOf(X509Certificate[] chain, Principal[] issuers) {
    for (X509Certificate c : chain) {
      for (Principal issuer : issuers) {
        if (issuer.equals(c.getIssuerX500Principal()) || issuer.equals(c.getSubjectX500Principal())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the handshake's wanted key type ("RSA", "EC", "EdDSA", ...) is this key's. */
  private static boolean matches(String keyType, PrivateKey key) {
    return keyType != null && keyType.equalsIgnoreCase(key.getAlgorithm());
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return aliasFor(keyType);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return aliasFor(keyType);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return clientAliasFor(keyTypes, issuers);
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return clientAliasFor(keyTypes, issuers);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    String alias = aliasFor(keyType);
    return alias == null ? null : new String[] {alias};
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    String alias = clientAliasFor(new String[] {keyType}, issuers);
    return alias == null ? null : new String[] {alias};
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    TlsIdentity loaded = alias == null ? null : byAlias.get(alias);
    return loaded == null ? null : loaded.chain().clone();
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    TlsIdentity loaded = alias == null ? null : byAlias.get(alias);
    return loaded == null ? null : loaded.key();
  }
}
