package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The TLS fragment of the top-level README (section TLS), which quotes the region below
 * ({@code DocSnippetsTest} in examples/custom-endpoint holds the two equal). Only configured, not
 * started: the paths are an operator's, not files of this build.
 */
final class ReadmeTlsSnippetTest {

  @Test
  void theReadmesTlsFragmentConfiguresABuilder() {
    PegasusHttpServer.Builder builder = PegasusHttpServer.builder()
        // docs:begin tls
        .configure(c -> c.tls(
            TlsSettings.pem(Path.of("/etc/pegasus/server.pem"), Path.of("/etc/pegasus/server.key"))
                .withClientCa(Path.of("/etc/pegasus/ops-ca.pem"))))     // optional
        // or TlsSettings.pkcs12(Path.of("server.p12"), password)
        // docs:end tls
        ;
    assertThat(builder).isNotNull();
  }
}
