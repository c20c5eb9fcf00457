package dev.pegasus.http.core.internal.tls;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.core.TlsSettings;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Builds the {@link SSLContext}s of pegasus-http: a server's, from its {@link TlsSettings}, and a
 * client's (the collector's). Both offer TLS 1.3 and 1.2 only, whatever the JDK's defaults, with
 * the JDK's cipher suites; their key and trust material follows the files (see {@link
 * ReloadingFiles}).
 */
public final class TlsContexts {

  /** The protocols offered, best first: never TLS 1.1, 1.0 or SSLv3. */
  public static final ImmutableList<String> PROTOCOLS = ImmutableList.of("TLSv1.3", "TLSv1.2");

  private TlsContexts() {}

  /**
   * The context of a server: its certificate, and when a client CA is configured, a client
   * certificate requested (not required) and verified against it. Reads the files now.
   *
   * @throws TlsFileException when a file cannot be read or the key does not fit the certificate
   */
  public static SSLContext server(TlsSettings settings, String role) {
    AtomicReference<SSLContext> built = new AtomicReference<>();
    // A reload ends the sessions cached so far, so that resumptions do not outlive a renewed
    // certificate or a replaced client CA.
    Runnable forgetSessions = () -> forgetSessions(built.get());
    KeyManager keys =
        new ReloadingKeyManager(new IdentityFiles(settings, "the TLS certificate of " + role, forgetSessions));
    TrustManager[] trust =
        settings.clientCa().isEmpty()
            ? null
            : new TrustManager[] {
              new ReloadingTrustManager(
                  settings.clientCa().get(),
                  settings.reloadCheckPeriod(),
                  "the TLS client CA of " + role,
                  forgetSessions)
            };
    SSLContext context = restricted(init(new KeyManager[] {keys}, trust), settings.clientCa().isPresent());
    built.set(context);
    return context;
  }

  /**
   * The context of a client trusting the CAs of {@code trustedCa} and, when given, presenting the
   * certificate of {@code identity} to servers that ask for one.
   */
  public static SSLContext client(Path trustedCa, Optional<TlsSettings> identity, Duration checkPeriod) {
    KeyManager[] keys =
        identity
            .map(id -> new KeyManager[] {new ReloadingKeyManager(new IdentityFiles(id, "the TLS client certificate", () -> {}))})
            .orElse(null);
    TrustManager[] trust = {
      new ReloadingTrustManager(trustedCa, checkPeriod, "the trusted TLS CA", () -> {})
    };
    return restricted(init(keys, trust), false);
  }

  private static SSLContext init(KeyManager[] keys, TrustManager[] trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no usable TLS implementation: " + e.getMessage(), e);
    }
  }

  private static void forgetSessions(SSLContext context) {
    if (context == null) {
      return;
    }
    SSLSessionContext sessions = context.getServerSessionContext();
    for (byte[] id : Collections.list(sessions.getIds())) {
      var session = sessions.getSession(id);
      if (session != null) {
        session.invalidate();
      }
    }
  }

  /** {@code delegate}, with every engine and the default parameters limited to {@link #PROTOCOLS}. */
  private static SSLContext restricted(SSLContext delegate, boolean wantClientAuth) {
    return new RestrictedContext(new RestrictedSpi(delegate, wantClientAuth), delegate);
  }

  /** The protocols of {@link #PROTOCOLS} that {@code supported} has, in our order. */
  static String[] allowed(String[] supported) {
    List<String> s = Arrays.asList(supported);
    return PROTOCOLS.stream().filter(s::contains).toArray(String[]::new);
  }

  private static final class RestrictedContext extends SSLContext {
    RestrictedContext(SSLContextSpi spi, SSLContext delegate) {
      super(spi, delegate.getProvider(), delegate.getProtocol());
    }
  }

  /**
   * Creates engines from the JDK's context and limits them. Undertow and {@code java.net.http}
   * only use engines; the socket factories are limited through their default parameters where
   * the JDK allows and are otherwise the JDK's.
   */
  private static final class RestrictedSpi extends SSLContextSpi {
    private final SSLContext delegate;
    private final boolean wantClientAuth;

    RestrictedSpi(SSLContext delegate, boolean wantClientAuth) {
      this.delegate = delegate;
      this.wantClientAuth = wantClientAuth;
    }

    private SSLEngine limit(SSLEngine engine) {
      engine.setEnabledProtocols(allowed(engine.getSupportedProtocols()));
      if (wantClientAuth) {
        engine.setWantClientAuth(true);
      }
      return engine;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr)
        throws KeyManagementException {
      throw new KeyManagementException("already initialised");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return delegate.getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return delegate.getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return limit(delegate.createSSLEngine());
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return limit(delegate.createSSLEngine(host, port));
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return delegate.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return delegate.getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      // java.net.http applies these to each engine it creates, over what limit() set.
      SSLParameters p = delegate.getDefaultSSLParameters();
      p.setProtocols(allowed(p.getProtocols()));
      if (wantClientAuth) {
        p.setWantClientAuth(true);
      }
      return p;
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      SSLParameters p = delegate.getSupportedSSLParameters();
      p.setProtocols(allowed(p.getProtocols()));
      return p;
    }
  }
}
