package dev.pegasus.http.core.internal.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A certificate chain (leaf first) and the private key of its leaf, as loaded from the files at
 * one moment; {@code alias} is unique to that load, so that a handshake which chose an alias
 * before a reload still gets the matching chain and key.
 */
record TlsIdentity(String alias, X509Certificate[] chain, PrivateKey key) {

  X509Certificate leaf() {
    return chain[0];
  }

  /** Subject, serial and expiry of the leaf, for the log. */
  String describe() {
    X509Certificate leaf = leaf();
    return "\"" + leaf.getSubjectX500Principal().getName() + "\" (serial "
        + leaf.getSerialNumber().toString(16) + ", valid until " + leaf.getNotAfter().toInstant() + ")";
  }
}
