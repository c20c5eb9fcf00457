package dev.pegasus.http.core.internal.tls;

import dev.pegasus.http.core.TlsSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The certificate and key files of {@link TlsSettings}, PEM or PKCS#12, as a reloading value. */
final class IdentityFiles {

  private static final String ALIAS_PREFIX = "pegasus-";
  private static final AtomicLong GENERATIONS = new AtomicLong();

  private final TlsSettings settings;
  private final String what;
  private final Runnable afterReload;

  /**
   * @param what names the certificate in log lines, e.g. "the TLS certificate of meta"
   * @param afterReload runs after each successful reload, before handshakes use it
   */
  IdentityFiles(TlsSettings settings, String what, Runnable afterReload) {
    this.settings = settings;
    this.what = what;
    this.afterReload = afterReload;
  }

  /** Loads the identity now and returns it as a value that follows the files. */
  ReloadingFiles<TlsIdentity> reloading(Consumer<TlsIdentity> beforeUse) {
    List<Path> files =
        settings.pkcs12().isPresent()
            ? List.of(settings.pkcs12().get())
            : List.of(settings.certificateChain().orElseThrow(), settings.privateKey().orElseThrow());
    return new ReloadingFiles<>(
        what + " (" + String.join(", ", files.stream().map(Path::toString).toList()) + ")",
        files,
        settings.reloadCheckPeriod(),
        this::load,
        TlsIdentity::describe,
        loaded -> {
          beforeUse.accept(loaded);
          afterReload.run();
        });
  }

  private TlsIdentity load() {
    String alias = ALIAS_PREFIX + GENERATIONS.incrementAndGet();
    if (settings.pkcs12().isPresent()) {
      char[] password = settings.pkcs12Password();
      try {
        return TlsFiles.pkcs12Identity(alias, settings.pkcs12().get(), password);
      } finally {
        Arrays.fill(password, '\0');
      }
    }
    return TlsFiles.pemIdentity(alias, settings.certificateChain().orElseThrow(), settings.privateKey().orElseThrow());
  }

  /** The load number of one of our aliases; -1 for anything else. */
  static long generationOf(String alias) {
    if (!alias.startsWith(ALIAS_PREFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(alias.substring(ALIAS_PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
